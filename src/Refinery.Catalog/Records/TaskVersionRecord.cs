namespace Refinery.Catalog.Records;

/// <summary>One run of a task: what it was asked to do, where it stands, and what it produced.</summary>
public sealed class TaskVersionRecord
{
    public required string VersionId { get; set; }

    public required string TaskId { get; set; }

    public required string ProjectId { get; set; }

    /// <summary><c>V001</c>, <c>V002</c>, … per task.</summary>
    public required string VersionName { get; set; }

    /// <summary>1-based sequence number behind <see cref="VersionName"/>; keeps names unique and ordered.</summary>
    public int Sequence { get; set; }

    public string? Description { get; set; }

    public required string TemplateJson { get; set; }

    public required string InputsJson { get; set; }

    public string? WorkPathJson { get; set; }

    public int Status { get; set; }

    public long CreateTime { get; set; }

    public long UpdateTime { get; set; }

    public long? StartTime { get; set; }

    public long? EndTime { get; set; }

    public int DurationSeconds { get; set; }

    public string? ErrorMsg { get; set; }

    public string? ResultJson { get; set; }

    public int? OriginSampleCount { get; set; }

    public int? AddSampleCount { get; set; }

    public int? DeletedSampleCount { get; set; }

    public int? ModifiedSampleCount { get; set; }

    public int? UnmodifiedSampleCount { get; set; }

    /// <summary>Samples whose map stage has finished, for <c>progress</c>: the sum of its shards' counts.</summary>
    public int ProcessedSamples { get; set; }

    /// <summary>Samples found by the planner; null until planning has finished.</summary>
    public int? TotalSamples { get; set; }

    /// <summary>Shards cut by the planner; null until planning has finished.</summary>
    public int? ShardCount { get; set; }

    /// <summary>
    /// The pass of the operator pipeline the version's shards are in: 0 at first, one more after each dataset stage that
    /// has passes after it. Advanced by one conditional update, so a stage's decisions are applied exactly once.
    /// </summary>
    public int Pass { get; set; }

    /// <summary>Set once by the map job that finishes the last shard of a pass, so exactly one reduce is enqueued per pass.</summary>
    public bool ReduceEnqueued { get; set; }

    /// <summary>Last time any worker made progress on this version; the reconciler uses it to find orphans.</summary>
    public long? HeartbeatAt { get; set; }
}
