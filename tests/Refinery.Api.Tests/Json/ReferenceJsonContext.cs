using System.Text.Json.Serialization;
using Refinery.Api.OpenApi.Schemas;
using Refinery.Domain;

namespace Refinery.Api.Tests.Json;

/// <summary>The serialiser options the API uses for responses (those of <c>ApiJsonContext.Wire</c>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TaskObject))]
[JsonSerializable(typeof(TaskListObject))]
public sealed partial class ReferenceJsonContext : JsonSerializerContext
{
    public static ReferenceJsonContext Wire { get; } = new(WireJson.NewOptions());
}
