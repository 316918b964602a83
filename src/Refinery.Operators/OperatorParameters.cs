using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Refinery.Domain;

namespace Refinery.Operators;

/// <summary>
/// An operator's <c>params</c> map read leniently: ModelArts clients send numbers and booleans as strings
/// ("0.9", "True"), so every getter accepts both the typed JSON value and its string form.
/// A value that is present but unreadable is a 400 naming the parameter, never a silent default.
/// </summary>
public sealed class OperatorParameters
{
    private readonly JsonObject _values;

    public OperatorParameters(JsonObject? values) => _values = values ?? [];

    public static OperatorParameters Empty { get; } = new(null);

    public bool Contains(string name) => _values[name] is not null;

    /// <summary>The keys present, so that a strict reader can refuse the ones it does not know.</summary>
    public IEnumerable<string> Names => _values.Select(pair => pair.Key);

    public string? GetString(string name)
    {
        var node = _values[name];
        return node is null ? null : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
    }

    public string GetString(string name, string defaultValue) => GetString(name) ?? defaultValue;

    /// <summary><c>task_type</c>: <c>image_classification</c> (the default) or <c>object_detection</c>.</summary>
    public string GetTaskType()
    {
        var taskType = GetString("task_type", TaskTypes.ImageClassification).Trim();
        return TaskTypes.IsKnown(taskType)
            ? taskType
            : throw ModelArtsErrors.InvalidArgument(
                "params.task_type", $"must be {TaskTypes.ImageClassification} or {TaskTypes.ObjectDetection}, got '{taskType}'");
    }

    public int GetInt(string name, int defaultValue) =>
        GetNumber(name, defaultValue, static (text, out value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value), "an integer");

    public double GetDouble(string name, double defaultValue) =>
        GetNumber(name, defaultValue, static (text, out value) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value), "a number");

    public bool GetBool(string name, bool defaultValue)
    {
        var node = _values[name];
        if (node is null)
        {
            return defaultValue;
        }

        var kind = node.GetValueKind();
        if (kind is JsonValueKind.True or JsonValueKind.False)
        {
            return kind == JsonValueKind.True;
        }

        return GetString(name)?.Trim().ToUpperInvariant() switch
        {
            "TRUE" or "1" => true,
            "FALSE" or "0" => false,
            _ => throw ModelArtsErrors.InvalidArgument($"params.{name}", "must be a boolean (true/false, \"True\"/\"False\")"),
        };
    }

    /// <summary>A threshold between 0 and 1 inclusive (a similarity, a distance).</summary>
    public double GetFraction(string name, double defaultValue)
    {
        var value = GetDouble(name, defaultValue);
        return value is >= 0 and <= 1 ? value : throw ModelArtsErrors.InvalidArgument($"params.{name}", $"must be between 0 and 1, got {value}");
    }

    /// <summary>A count of clusters: a positive integer, or <c>auto</c> (null, the operator's own rule) when absent or so given.</summary>
    public int? GetClusterCount(string name)
    {
        var text = GetString(name)?.Trim();
        if (text is null || text.Length == 0 || text.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var count = GetInt(name, 0);
        return count >= 1 ? count : throw ModelArtsErrors.InvalidArgument($"params.{name}", $"must be a positive integer or auto, got {count}");
    }

    /// <summary>A list given as a JSON array or as a string holding one (<c>"[0,2]"</c>) or comma-separated items.</summary>
    public IReadOnlyList<string> GetList(string name)
    {
        var node = _values[name];
        if (node is null)
        {
            return [];
        }

        if (node is JsonArray array)
        {
            return [.. array.Select(item => item is null ? "" : item.GetValueKind() == JsonValueKind.String ? item.GetValue<string>() : item.ToJsonString())];
        }

        var text = GetString(name)!.Trim();
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            text = text[1..^1];
        }

        return [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(item => item.Trim('"', '\''))];
    }

    private delegate bool Parser<T>(string text, out T value);

    private T GetNumber<T>(string name, T defaultValue, Parser<T> parse, string what)
    {
        var text = GetString(name);
        if (text is null)
        {
            return defaultValue;
        }

        return parse(text.Trim(), out var value)
            ? value
            : throw ModelArtsErrors.InvalidArgument($"params.{name}", $"must be {what}, got '{text}'");
    }
}
