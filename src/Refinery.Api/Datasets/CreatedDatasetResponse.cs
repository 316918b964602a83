namespace Refinery.Api.Datasets;

/// <summary>Create-dataset's 201 answer.</summary>
public sealed record CreatedDatasetResponse(string DatasetId, string ImportTaskId);
