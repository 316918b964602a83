namespace Refinery.Catalog.Records;

/// <summary>A frozen state of a dataset: one manifest that never changes, with its counts and analysis.</summary>
public sealed class DatasetVersionRecord
{
    public required string VersionId { get; set; }

    public required string DatasetId { get; set; }

    public required string ProjectId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>0 creating, 1 normal, 4 error.</summary>
    public int Status { get; set; }

    public string? PreviousVersionId { get; set; }

    /// <summary>The frozen manifest, <c>/bucket/…/annotation/V001/V001.manifest</c>.</summary>
    public required string ManifestPath { get; set; }

    public required string DataPath { get; set; }

    public int TotalSampleCount { get; set; }

    public int AnnotatedSampleCount { get; set; }

    /// <summary>The labels of the version's manifest with their counts, as JSON (<c>label_stats</c>).</summary>
    public string? LabelStatsJson { get; set; }

    public int AddSampleCount { get; set; }

    public int DeletedSampleCount { get; set; }

    public int ModifiedSampleCount { get; set; }

    /// <summary>The processing task version that published this version, if one did.</summary>
    public string? ProcessorTaskId { get; set; }

    public int? ProcessorTaskStatus { get; set; }

    public bool DataValidated { get; set; }

    /// <summary>0 none, 1 running, 2 completed, 3 failed.</summary>
    public int AnalysisStatus { get; set; }

    public string? AnalysisTaskId { get; set; }

    public string? DataAnalysisJson { get; set; }

    public long CreateTime { get; set; }

    public long UpdateTime { get; set; }
}
