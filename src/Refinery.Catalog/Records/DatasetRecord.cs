namespace Refinery.Catalog.Records;

/// <summary>A dataset: where its data comes from, where its manifests live, and its current version.</summary>
public sealed class DatasetRecord
{
    public required string DatasetId { get; set; }

    public required string ProjectId { get; set; }

    public required string WorkspaceId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>0 image classification, 1 object detection.</summary>
    public int DatasetType { get; set; }

    /// <summary>0 creating, 1 normal, 4 abnormal, 8 importing.</summary>
    public int Status { get; set; }

    /// <summary>The import's input: an OBS folder or manifest.</summary>
    public required string DataPath { get; set; }

    /// <summary>The dataset's own folder (<c>/bucket/dir/</c>) where manifests and processing output go.</summary>
    public required string WorkPath { get; set; }

    public required string ImportTaskId { get; set; }

    /// <summary>Why the last import failed, when <see cref="Status"/> is abnormal.</summary>
    public string? ErrorMsg { get; set; }

    public string? CurrentVersionId { get; set; }

    public string? CurrentVersionName { get; set; }

    public int VersionCount { get; set; }

    /// <summary>The number behind the next automatic version name (V001, V002, …).</summary>
    public int NextVersionNumber { get; set; } = 1;

    public int TotalSampleCount { get; set; }

    public int AnnotatedSampleCount { get; set; }

    /// <summary>The labels of the working manifest with their counts, as JSON.</summary>
    public string? LabelStatsJson { get; set; }

    public long CreateTime { get; set; }

    public long UpdateTime { get; set; }
}
