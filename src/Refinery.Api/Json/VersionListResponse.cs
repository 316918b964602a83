namespace Refinery.Api.Json;

/// <summary>ListProcessorTaskVersions.</summary>
public sealed record VersionListResponse(int Count, IReadOnlyList<VersionResponse> Versions);
