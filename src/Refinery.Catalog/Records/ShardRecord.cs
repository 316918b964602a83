namespace Refinery.Catalog.Records;

/// <summary>A slice of a version's samples that one map job processes; its sample list lives in staging.</summary>
public sealed class ShardRecord
{
    public required string VersionId { get; set; }

    public int ShardIndex { get; set; }

    public int SampleCount { get; set; }

    /// <summary>Samples of this shard finished so far (all of them once <see cref="Done"/>); the version's progress sums them.</summary>
    public int ProcessedSamples { get; set; }

    /// <summary>The pass of the version's plan that <see cref="Done"/> speaks of; each pass maps every shard again.</summary>
    public int Pass { get; set; }

    public bool Done { get; set; }

    public long? CompletedAt { get; set; }

    /// <summary>The worker running the shard now; null when no worker is (not yet started, done, stopped or lost).</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>When the latest run of the shard started.</summary>
    public long? ClaimedAt { get; set; }

    /// <summary>When the latest run let go of the shard: done, stopped, failed, or found lost by the reconciler.</summary>
    public long? ReleasedAt { get; set; }
}
