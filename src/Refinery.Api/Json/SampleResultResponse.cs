using System.Text.Json.Nodes;

namespace Refinery.Api.Json;

/// <summary>One per-sample result; <c>values</c> (features, scores, hashes) is Refinery's addition.</summary>
public sealed record SampleResultResponse(
    string SampleId,
    string VersionId,
    string OriginSource,
    string? NewSource,
    string? SignedOriginSource,
    string? SignedNewSource,
    int ResultProperty,
    JsonNode? ResultDescription,
    JsonNode? Values);
