using System.Text.Json.Serialization;
using Refinery.Engine.Planning;
using Refinery.Operators.Pipeline;

namespace Refinery.Engine.Staging;

/// <summary>Source-generated JSON for the staging files.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = false)]
[JsonSerializable(typeof(ShardEntry))]
[JsonSerializable(typeof(ShardResult))]
[JsonSerializable(typeof(DuplicateListing))]
[JsonSerializable(typeof(SampleDecision))]
public sealed partial class EngineJsonContext : JsonSerializerContext;
