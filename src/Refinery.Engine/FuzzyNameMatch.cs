using System.Linq.Expressions;
using System.Reflection;

namespace Refinery.Engine;

/// <summary>
/// The "fuzzy" name match ModelArts documents for its list filters (<c>task_name</c>, <c>search_content</c>): a
/// case-insensitive substring. Names are ASCII (<c>[A-Za-z0-9_-]</c>), so lower-casing both sides is exact; the query
/// is built as <c>name.ToLower().Contains(part)</c>, which EF translates to SQL <c>lower()</c> on every provider.
/// </summary>
public static class FuzzyNameMatch
{
    private static readonly MethodInfo _toLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo _contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    public static IQueryable<T> WhereNameContains<T>(this IQueryable<T> rows, Expression<Func<T, string>> name, string part)
    {
        var lowered = part.ToLowerInvariant();
        Expression<Func<string>> value = () => lowered; // a captured variable, so EF sends it as a parameter
        var matches = Expression.Call(Expression.Call(name.Body, _toLower), _contains, value.Body);
        return rows.Where(Expression.Lambda<Func<T, bool>>(matches, name.Parameters));
    }
}
