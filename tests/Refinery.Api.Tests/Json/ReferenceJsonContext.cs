using System.Text.Json.Serialization;

namespace Refinery.Api.Tests.Json;

/// <summary>The serialiser options the API used for task responses (those of <c>ApiJsonContext</c>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TaskResponse))]
[JsonSerializable(typeof(TaskListResponse))]
public sealed partial class ReferenceJsonContext : JsonSerializerContext;
