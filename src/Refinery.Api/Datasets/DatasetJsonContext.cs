using System.Text.Json.Serialization;
using Refinery.Domain;

namespace Refinery.Api.Datasets;

/// <summary>Source-generated JSON for the dataset APIs: snake_case, absent values omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DatasetResponse))]
[JsonSerializable(typeof(DatasetListResponse))]
[JsonSerializable(typeof(DatasetVersionListResponse))]
[JsonSerializable(typeof(DatasetVersionResponse))]
[JsonSerializable(typeof(CreatedDatasetResponse))]
[JsonSerializable(typeof(CreatedDatasetVersionResponse))]
public sealed partial class DatasetJsonContext : JsonSerializerContext
{
    /// <summary>The context with <see cref="WireJson"/>'s options; use it rather than <c>Default</c>.</summary>
    public static DatasetJsonContext Wire { get; } = new(WireJson.NewOptions());
}
