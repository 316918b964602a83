namespace Refinery.Api.Datasets;

/// <summary>The dataset list: the total that match, and one page.</summary>
public sealed record DatasetListResponse(int TotalNumber, IReadOnlyList<DatasetResponse> Datasets);
