namespace Refinery.Api.OpenApi.Schemas;

/// <summary>The body of CreateDataset, for the OpenAPI description (the fields processing depends on).</summary>
public sealed record CreateDatasetRequest(
    string DatasetName,
    int? DatasetType,
    string? Description,
    IReadOnlyList<DatasetDataSource> DataSources,
    string WorkPath,
    string? WorkspaceId);
