using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Catalog.Records;

namespace Refinery.Engine.Delivery;

/// <summary>The <c>workers</c> table: this process's registration and heartbeat, and who counts as alive.</summary>
public sealed class WorkerRegistry(IDbContextFactory<CatalogContext> catalog, WorkerIdentity identity, TimeProvider clock)
{
    /// <summary>Records that this process is alive, registering it on its first beat.</summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var beaten = await db.Workers.Where(worker => worker.WorkerId == identity.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(worker => worker.HeartbeatAt, now), cancellationToken);
        if (beaten == 0)
        {
            db.Workers.Add(new WorkerRecord { WorkerId = identity.Id, Host = identity.Host, ProcessId = identity.ProcessId, StartedAt = now, HeartbeatAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Removes this process's registration when it stops cleanly; its shards then count as lost at once.</summary>
    public async Task RetireAsync(CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await db.Workers.Where(worker => worker.WorkerId == identity.Id).ExecuteDeleteAsync(cancellationToken);
    }
}
