using System.Text.Json;

namespace Refinery.Api.WebConsole.Charts;

/// <summary>
/// The analysis result of a version (docs/templates.md, "The analysis result") read into what the console and the
/// CLI report draw: counts, every feature, the per-usage splits and the quality counts.
/// </summary>
public sealed record AnalysisSummary(
    long SampleCount,
    long AnalysedCount,
    long FailedCount,
    IReadOnlyList<FeatureSummary> Features,
    IReadOnlyDictionary<string, IReadOnlyList<FeatureSummary>> ByUsage,
    IReadOnlyList<KeyValuePair<string, long>> Quality)
{
    /// <summary>The summary in <paramref name="resultJson"/>, or null when it is not an analysis result.</summary>
    public static AnalysisSummary? Parse(string? resultJson)
    {
        if (string.IsNullOrEmpty(resultJson))
        {
            return null;
        }

        using var document = JsonDocument.Parse(resultJson);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features))
        {
            return null;
        }

        var byUsage = new Dictionary<string, IReadOnlyList<FeatureSummary>>(StringComparer.Ordinal);
        if (root.TryGetProperty("by_usage", out var usages) && usages.ValueKind == JsonValueKind.Object)
        {
            foreach (var usage in usages.EnumerateObject())
            {
                if (usage.Value.TryGetProperty("features", out var usageFeatures))
                {
                    byUsage[usage.Name] = ReadFeatures(usageFeatures);
                }
            }
        }

        var quality = root.TryGetProperty("quality", out var issues) && issues.ValueKind == JsonValueKind.Object
            ? issues.EnumerateObject().Select(issue => KeyValuePair.Create(issue.Name, issue.Value.GetInt64())).ToList()
            : [];
        return new AnalysisSummary(
            Whole(root, "sample_count"), Whole(root, "analysed_count"), Whole(root, "failed_count"), ReadFeatures(features), byUsage, quality);
    }

    /// <summary>The features of one split: the whole version when <paramref name="usage"/> is null, else that usage's.</summary>
    public IReadOnlyList<FeatureSummary> FeaturesOf(string? usage) =>
        usage is null ? Features : ByUsage.TryGetValue(usage, out var split) ? split : [];

    private static List<FeatureSummary> ReadFeatures(JsonElement features) =>
        [.. features.EnumerateObject().Select(feature => ReadFeature(feature.Name, feature.Value))];

    private static FeatureSummary ReadFeature(string id, JsonElement feature)
    {
        FeatureHistogram? histogram = null;
        if (feature.TryGetProperty("histogram", out var bins))
        {
            histogram = new FeatureHistogram(Numbers(bins, "edges"), Numbers(bins, "counts"));
        }

        return new FeatureSummary(
            id,
            feature.TryGetProperty("scope", out var scope) ? scope.GetString() ?? "image" : "image",
            Whole(feature, "count"),
            Optional(feature, "mean"),
            Optional(feature, "std"),
            Optional(feature, "min"),
            Optional(feature, "median"),
            Optional(feature, "max"),
            histogram);
    }

    private static long Whole(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    private static double? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static double[] Numbers(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(static number => number.GetDouble())]
            : [];
}
