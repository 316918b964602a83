namespace Refinery.Engine;

/// <summary>How the engine cuts and runs work. The defaults suit one machine; every value is configurable.</summary>
public sealed record EngineOptions
{
    /// <summary>Samples per shard: small enough to retry cheaply, large enough to amortise a job's overhead.</summary>
    public int ShardSize { get; init; } = 200;

    /// <summary>Samples processed at once inside one map job.</summary>
    public int SampleParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>How stale a version's stop flag may be when a worker checks it between samples.</summary>
    public TimeSpan StopCheckInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A running version with no progress for this long is taken to have lost its worker.</summary>
    public TimeSpan OrphanAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts a job (planning, a shard, a reduce) gets before its version fails; Hangfire retries it in between.</summary>
    public int MaxShardAttempts { get; init; } = 3;

    /// <summary>How often a process that runs jobs records in the catalog that it is alive.</summary>
    public TimeSpan WorkerHeartbeatInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A worker whose last beat is older than this (three missed beats by default) is taken to be dead: the reconciler
    /// hands the shards it claimed to other workers.
    /// </summary>
    public TimeSpan WorkerLostAfter { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// How long the reconciler's lease lasts without renewal; its holder renews it every heartbeat interval, and when
    /// the holder dies another process takes over once it has expired.
    /// </summary>
    public TimeSpan ReconcilerLease { get; init; } = TimeSpan.FromSeconds(10);
}
