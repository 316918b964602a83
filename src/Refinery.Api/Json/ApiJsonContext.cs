using System.Text.Json.Serialization;
using Refinery.Api.Errors;

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
public sealed partial class ApiJsonContext : JsonSerializerContext;
