using Microsoft.AspNetCore.Http;
using Refinery.Domain;

namespace Refinery.Api.ProcessorTasks;

/// <summary>Typed, range-checked query parameters; a bad value is a 400 naming the parameter and its range.</summary>
public sealed class QueryReader(IQueryCollection query)
{
    public string? Value(string name) => query.TryGetValue(name, out var values) && values.Count > 0 && values[0] is { Length: > 0 } value ? value : null;

    public int Number(string name, int defaultValue, int min, int max)
    {
        var text = Value(name);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw ModelArtsErrors.InvalidArgument(name, $"must be an integer from {min} to {max}, got '{text}'");
    }

    public int? OptionalNumber(string name, int min, int max) => Value(name) is null ? null : Number(name, 0, min, max);

    public long? OptionalEpochMilliseconds(string name)
    {
        var text = Value(name);
        return text is null ? null
            : long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
            : throw ModelArtsErrors.InvalidArgument(name, $"must be epoch milliseconds, got '{text}'");
    }

    public bool Flag(string name, bool defaultValue)
    {
        var value = Value(name);
        return value?.ToUpperInvariant() switch
        {
            null => defaultValue,
            "TRUE" => true,
            "FALSE" => false,
            _ => throw ModelArtsErrors.InvalidArgument(name, $"must be true or false, got '{value}'"),
        };
    }

    public string OneOf(string name, string defaultValue, params string[] allowed)
    {
        var value = Value(name) ?? defaultValue;
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw ModelArtsErrors.InvalidArgument(name, $"must be one of {string.Join(", ", allowed)}, got '{value}'");
    }

    public string? OptionalOneOf(string name, params string[] allowed) => Value(name) is null ? null : OneOf(name, "", allowed);
}
