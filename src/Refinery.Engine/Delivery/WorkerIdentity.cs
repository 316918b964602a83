namespace Refinery.Engine.Delivery;

/// <summary>
/// Who this process is in the catalog: the name its heartbeats, shard claims and reconciler lease carry. New for every
/// start, so a restarted process never mistakes its predecessor's claims for its own.
/// </summary>
public sealed record WorkerIdentity(string Id, string Host, int ProcessId)
{
    public static WorkerIdentity ForThisProcess() =>
        new($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", Environment.MachineName, Environment.ProcessId);
}
