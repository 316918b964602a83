using System.Text.Json.Nodes;

namespace Refinery.Api.Datasets;

/// <summary>A dataset version (DatasetVersion), the fields processing and analysis depend on.</summary>
public sealed record DatasetVersionResponse(
    string VersionId,
    string VersionName,
    string? Description,
    int Status,
    long CreateTime,
    long UpdateTime,
    string? PreviousVersionId,
    bool IsCurrent,
    string ManifestPath,
    string DataPath,
    int TotalSampleCount,
    int AnnotatedSampleCount,
    int AddSampleCount,
    int DeletedSampleCount,
    int ModifiedSampleCount,
    IReadOnlyList<LabelStatsResponse> LabelStats,
    string TrainEvaluateSampleRatio,
    int TaskType,
    string VersionFormat,
    int AnalysisStatus,
    string? AnalysisTaskId,
    JsonNode? DataAnalysis,
    string? ProcessorTaskId,
    int? ProcessorTaskStatus,
    bool DataValidate);
