using System.Text.Json;
using System.Text.Json.Serialization;
using Refinery.Domain;

namespace Refinery.Engine.Datasets;

/// <summary>The label statistics the catalog keeps on datasets and dataset versions, as a JSON column.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(List<LabelStat>))]
public sealed partial class LabelStatsJson : JsonSerializerContext
{
    public static string Write(IReadOnlyList<LabelStat> labels) => JsonSerializer.Serialize(labels.ToList(), Default.ListLabelStat);

    /// <summary>The stored labels; none for a row written before labels were counted.</summary>
    public static IReadOnlyList<LabelStat> Read(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize(json, Default.ListLabelStat) ?? [];
}
