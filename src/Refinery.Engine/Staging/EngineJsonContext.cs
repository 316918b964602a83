using System.Text.Json.Serialization;

namespace Refinery.Engine.Staging;

/// <summary>Source-generated JSON for the staging files.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = false)]
[JsonSerializable(typeof(ShardEntry))]
[JsonSerializable(typeof(ShardResult))]
public sealed partial class EngineJsonContext : JsonSerializerContext;
