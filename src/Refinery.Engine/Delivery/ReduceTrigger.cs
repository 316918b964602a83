using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Domain;

namespace Refinery.Engine.Delivery;

/// <summary>
/// Enqueues a version's reduce exactly once: when planning has finished (the shard count is known) and every shard
/// is done. Both the planner (after its last shard) and each map job (after its shard) ask; whichever sees the last
/// condition met wins the conditional update that claims the reduce.
/// </summary>
public sealed class ReduceTrigger(IDbContextFactory<CatalogContext> catalog, IJobScheduler scheduler)
{
    public async Task TryEnqueueAsync(string versionId, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var planned = await db.Versions.AnyAsync(version => version.VersionId == versionId && version.ShardCount != null, cancellationToken);
        if (!planned || await db.Shards.AnyAsync(shard => shard.VersionId == versionId && !shard.Done, cancellationToken))
        {
            return;
        }

        var claimed = await db.Versions
            .Where(version => version.VersionId == versionId && !version.ReduceEnqueued && version.Status == (int)VersionStatus.Running)
            .ExecuteUpdateAsync(set => set.SetProperty(version => version.ReduceEnqueued, true), cancellationToken);
        if (claimed == 1)
        {
            scheduler.EnqueueReduce(versionId);
        }
    }
}
