using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Refinery.Catalog;
using Refinery.Domain;
using Refinery.Engine.Datasets;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Staging;

namespace Refinery.Engine.Delivery;

/// <summary>
/// Makes the catalog, not the job queue, the source of truth: re-enqueues the work of active versions whose
/// jobs were lost (a killed process, an in-memory queue after restart). At start-up with an in-memory queue every
/// active version is resumed; otherwise only those with no progress for <see cref="EngineOptions.OrphanAfter"/>.
/// Between those sweeps it re-enqueues, promptly, the shards claimed by workers whose heartbeat has gone stale.
/// Shards are idempotent, so a resumed shard that was in fact still running costs time, never correctness.
/// </summary>
public sealed class VersionReconciler(
    IDbContextFactory<CatalogContext> catalog,
    CatalogDatabase database,
    IJobScheduler scheduler,
    VersionLifecycle lifecycle,
    StagingCleaner stagingCleaner,
    ShardClaims claims,
    EngineOptions options,
    ILogger<VersionReconciler> logger)
{
    /// <summary>
    /// Re-enqueues the unfinished shards of workers not heard from for <see cref="EngineOptions.WorkerLostAfter"/>,
    /// without waiting for the job queue to notice (Hangfire's invisibility timeout is minutes).
    /// </summary>
    public async Task<int> RequeueLostShardsAsync(CancellationToken cancellationToken)
    {
        var lostBefore = lifecycle.Now() - (long)options.WorkerLostAfter.TotalMilliseconds;
        var lost = await claims.ReleaseLostAsync(lostBefore, cancellationToken);
        foreach (var (versionId, shardIndex) in lost)
        {
            logger.LogWarning("Shard {Shard} of version {VersionId} was claimed by a worker that stopped beating; enqueued again", shardIndex, versionId);
            scheduler.EnqueueMap(versionId, shardIndex);
        }

        return lost.Count;
    }

    public async Task<int> ResumeAsync(bool startup, CancellationToken cancellationToken)
    {
        // The job queue lives beside the catalog: in memory with SQLite, where a start finds every job gone, or in
        // PostgreSQL, where queued and running jobs outlive any process, and enqueuing them all again at a start (an API
        // process restarted while workers run) would run a version's reduce twice at once.
        var jobsLost = startup && database.Provider != CatalogProvider.PostgreSql;
        var now = lifecycle.Now();
        var staleBefore = jobsLost ? long.MaxValue : now - (long)options.OrphanAfter.TotalMilliseconds;
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var orphans = await db.Versions
            .Where(version => (version.Status == (int)VersionStatus.Initialized || version.Status == (int)VersionStatus.Running)
                && (version.HeartbeatAt == null || version.HeartbeatAt < staleBefore))
            .Select(version => new { version.VersionId, version.ShardCount, version.HeartbeatAt, version.CreateTime })
            .ToListAsync(cancellationToken);
        var resumed = 0;
        foreach (var orphan in orphans)
        {
            // A version created a moment ago may simply not have been picked up yet.
            if (!jobsLost && orphan.HeartbeatAt is null && orphan.CreateTime >= staleBefore)
            {
                continue;
            }

            await db.Versions.Where(version => version.VersionId == orphan.VersionId)
                .ExecuteUpdateAsync(set => set.SetProperty(version => version.HeartbeatAt, now), cancellationToken);
            await ResumeOneAsync(db, orphan.VersionId, orphan.ShardCount, cancellationToken);
            resumed++;
        }

        if (jobsLost)
        {
            // Imports are idempotent and, with an in-memory queue, lost with the process: restart them all.
            var importing = await db.Datasets.Where(dataset => dataset.Status == DatasetService.Importing)
                .Select(dataset => dataset.DatasetId).ToListAsync(cancellationToken);
            importing.ForEach(scheduler.EnqueueImport);
            resumed += importing.Count;
        }

        if (resumed > 0)
        {
            logger.LogInformation("Resumed {Count} unfinished versions", resumed);
        }

        // Staging whose clearing a crash interrupted when its version ended.
        if (await stagingCleaner.SweepAsync(cancellationToken) is > 0 and var cleared)
        {
            logger.LogInformation("Cleared the staging of {Count} ended versions", cleared);
        }

        return resumed;
    }

    private async Task ResumeOneAsync(CatalogContext db, string versionId, int? shardCount, CancellationToken cancellationToken)
    {
        if (shardCount is null)
        {
            scheduler.EnqueuePlan(versionId);
            return;
        }

        var pending = await db.Shards.Where(shard => shard.VersionId == versionId && !shard.Done)
            .Select(shard => shard.ShardIndex).ToListAsync(cancellationToken);
        foreach (var shard in pending)
        {
            scheduler.EnqueueMap(versionId, shard);
        }

        if (pending.Count == 0)
        {
            await db.Versions.Where(version => version.VersionId == versionId)
                .ExecuteUpdateAsync(set => set.SetProperty(version => version.ReduceEnqueued, true), cancellationToken);
            scheduler.EnqueueReduce(versionId);
        }
    }
}
