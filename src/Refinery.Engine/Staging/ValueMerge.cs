using System.Text.Json.Nodes;

namespace Refinery.Engine.Staging;

/// <summary>Merges the per-sample values of successive stages: a later stage's value wins on a shared key.</summary>
public static class ValueMerge
{
    /// <summary><paramref name="extra"/>'s values moved into <paramref name="values"/> (or into a new object when it is null).</summary>
    public static JsonObject Merge(JsonObject? values, JsonObject extra)
    {
        var merged = values ?? [];
        foreach (var (key, value) in extra.ToList())
        {
            extra.Remove(key);
            merged[key] = value;
        }

        return merged;
    }
}
