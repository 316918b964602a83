namespace Refinery.Api.Datasets;

/// <summary>A dataset as ModelArts' dataset APIs describe it (the fields processing depends on).</summary>
public sealed record DatasetResponse(
    string DatasetId,
    string DatasetName,
    int DatasetType,
    string? Description,
    int Status,
    long CreateTime,
    long UpdateTime,
    string? CurrentVersionId,
    string? CurrentVersionName,
    int DatasetVersionCount,
    int NextVersionNum,
    IReadOnlyList<DataSourceResponse> DataSources,
    string WorkPath,
    int WorkPathType,
    string InnerAnnotationPath,
    string InnerDataPath,
    IReadOnlyList<DatasetLabelResponse>? Labels,
    int TotalSampleCount,
    int AnnotatedSampleCount,
    string DataFormat,
    string WorkspaceId,
    string ImportTaskId,
    string? ErrorMsg,
    IReadOnlyList<DatasetVersionResponse>? Versions);
