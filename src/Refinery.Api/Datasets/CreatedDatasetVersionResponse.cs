namespace Refinery.Api.Datasets;

/// <summary>Create-dataset-version's 201 answer.</summary>
public sealed record CreatedDatasetVersionResponse(string VersionId);
