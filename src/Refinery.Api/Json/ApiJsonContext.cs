using System.Text.Json.Serialization;
using Refinery.Api.Errors;
using Refinery.Api.Health;
using Refinery.Domain;

namespace Refinery.Api.Json;

/// <summary>Source-generated JSON for every response: snake_case, absent values omitted (never <c>null</c>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(VersionResponse))]
[JsonSerializable(typeof(VersionListResponse))]
[JsonSerializable(typeof(ResultListResponse))]
[JsonSerializable(typeof(CreatedTaskResponse))]
[JsonSerializable(typeof(CreatedVersionResponse))]
[JsonSerializable(typeof(TemplateItemsResponse))]
[JsonSerializable(typeof(EmptyResponse))]
[JsonSerializable(typeof(HealthStatus))]
public sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>The context with <see cref="WireJson"/>'s options; use it rather than <c>Default</c>.</summary>
    public static ApiJsonContext Wire { get; } = new(WireJson.NewOptions());
}
