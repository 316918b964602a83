namespace Refinery.Catalog.Records;

/// <summary>
/// A processing task. Its status, duration, error and result mirror its latest version, copied on every version
/// transition so that reading a task is one row.
/// </summary>
public sealed class ProcessorTaskRecord
{
    public required string TaskId { get; set; }

    public required string ProjectId { get; set; }

    public required string WorkspaceId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public required string TemplateId { get; set; }

    /// <summary>The <c>template</c> object as JSON.</summary>
    public required string TemplateJson { get; set; }

    /// <summary>The <c>inputs</c> array as JSON (also when the request used <c>data_source</c>).</summary>
    public required string InputsJson { get; set; }

    /// <summary>True when the request gave <c>data_source</c> rather than <c>inputs</c>.</summary>
    public bool UsedDataSource { get; set; }

    public string? WorkPathJson { get; set; }

    /// <summary>The dataset version the task refers to (<c>version_id</c>).</summary>
    public string? DatasetVersionId { get; set; }

    public string? DatasetVersionName { get; set; }

    /// <summary>What makes two tasks "over the same input" for <c>is_current</c>: source type and source.</summary>
    public required string InputKey { get; set; }

    public required string SourceType { get; set; }

    public required string Source { get; set; }

    public long CreateTime { get; set; }

    /// <summary>How many versions the task has now (<c>version_count</c>).</summary>
    public int VersionCount { get; set; }

    /// <summary>The sequence number of the last version ever created; names are never reused after a delete.</summary>
    public int LastVersionSequence { get; set; }

    public string? LatestVersionId { get; set; }

    public int Status { get; set; }

    public int DurationSeconds { get; set; }

    /// <summary>When the latest version started running, so that a running task's duration counts up as its version's does.</summary>
    public long? StartTime { get; set; }

    public string? ErrorMsg { get; set; }

    public string? ResultJson { get; set; }
}
