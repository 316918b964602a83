using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Domain;
using Refinery.Engine.Delivery;
using Refinery.Engine.Lifecycle;

namespace Refinery.Engine.Passes;

/// <summary>
/// Moves a version from one pass to the next once the pass's dataset stage has decided: one conditional update of
/// the version's pass (from the pass it was in, while it runs) together with its shards, then a map job per shard.
/// A second delivery finds the version moved on and does nothing; jobs lost to a crash after the update are found by
/// the reconciler, which maps the shards not done.
/// </summary>
public sealed class PassAdvancer(IDbContextFactory<CatalogContext> catalog, IJobScheduler scheduler, VersionLifecycle lifecycle)
{
    public async Task AdvanceAsync(string versionId, int pass, int shardCount, CancellationToken cancellationToken)
    {
        var now = lifecycle.Now();
        await using (var db = await catalog.CreateDbContextAsync(cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var moved = await db.Versions
                .Where(version => version.VersionId == versionId && version.Pass == pass && version.Status == (int)VersionStatus.Running)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(version => version.Pass, pass + 1)
                    .SetProperty(version => version.ReduceEnqueued, false)
                    .SetProperty(version => version.HeartbeatAt, now), cancellationToken);
            if (moved == 0)
            {
                return;
            }

            await db.Shards.Where(shard => shard.VersionId == versionId)
                .ExecuteUpdateAsync(set => set.SetProperty(shard => shard.Pass, pass + 1).SetProperty(shard => shard.Done, false), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        for (var shard = 0; shard < shardCount; shard++)
        {
            scheduler.EnqueueMap(versionId, shard);
        }
    }
}
