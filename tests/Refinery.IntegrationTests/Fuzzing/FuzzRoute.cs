using System.Text.RegularExpressions;

namespace Refinery.IntegrationTests.Fuzzing;

/// <summary>
/// A route of the API as the fuzzer knows it: method, path with <c>{placeholders}</c> for ids, the query parameters
/// it reads, and a valid body to mutate (null for routes without one).
/// </summary>
public sealed partial record FuzzRoute(string Method, string Template, string[] QueryKeys, Func<int, string>? ValidBody = null)
{
    public IReadOnlyList<string> Placeholders => [.. Placeholder().Matches(Template).Select(match => match.Groups[1].Value)];

    /// <summary>The path with each placeholder filled: by <paramref name="hostile"/> for <paramref name="mutated"/>, by the real id otherwise.</summary>
    public string Fill(IReadOnlyDictionary<string, string> ids, string? mutated, string hostile) =>
        Placeholder().Replace(Template, match => match.Groups[1].Value == mutated ? hostile : ids[match.Groups[1].Value]);

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
