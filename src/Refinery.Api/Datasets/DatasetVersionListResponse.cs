namespace Refinery.Api.Datasets;

/// <summary>A dataset's versions.</summary>
public sealed record DatasetVersionListResponse(int TotalNumber, IReadOnlyList<DatasetVersionResponse> Versions);
