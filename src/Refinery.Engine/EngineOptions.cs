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

    /// <summary>Attempts a shard gets before its version fails.</summary>
    public int MaxShardAttempts { get; init; } = 3;
}
