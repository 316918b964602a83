namespace Refinery.Catalog.Records;

/// <summary>
/// A process that runs jobs, registered when it starts and beating while it lives; a shard claimed by a worker whose
/// beat has gone stale is taken to be lost with it.
/// </summary>
public sealed class WorkerRecord
{
    public required string WorkerId { get; set; }

    public required string Host { get; set; }

    public int ProcessId { get; set; }

    public long StartedAt { get; set; }

    public long HeartbeatAt { get; set; }
}
