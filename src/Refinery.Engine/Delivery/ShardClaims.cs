using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Domain;

namespace Refinery.Engine.Delivery;

/// <summary>
/// Which worker is running which shard, as the catalog shows it. A run claims its shard when it starts and lets go when
/// it ends however it ends; completion is one conditional update, so a shard run twice is completed once.
/// </summary>
public sealed class ShardClaims(IDbContextFactory<CatalogContext> catalog, WorkerIdentity worker, TimeProvider clock)
{
    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Claims the shard for this worker; false when it is already done (another run finished it) or its version has ended.</summary>
    public async Task<bool> ClaimAsync(string versionId, int shardIndex, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        return await db.Shards
            .Where(shard => shard.VersionId == versionId && shard.ShardIndex == shardIndex && !shard.Done
                && db.Versions.Any(version => version.VersionId == versionId && version.Status == (int)VersionStatus.Running))
            .ExecuteUpdateAsync(set => set
                .SetProperty(shard => shard.ClaimedBy, worker.Id)
                .SetProperty(shard => shard.ClaimedAt, now)
                .SetProperty(shard => shard.ReleasedAt, (long?)null), cancellationToken) == 1;
    }

    /// <summary>
    /// Marks the shard done for <paramref name="pass"/> and lets go of it; true for the one run that did so, false for
    /// any other (a second delivery, or a run that outlived its version's pass).
    /// </summary>
    /// <param name="sampleCount">The shard's processed count for progress; null in later passes, which leave it as it is.</param>
    public async Task<bool> CompleteAsync(string versionId, int pass, int shardIndex, int? sampleCount, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var shards = db.Shards.Where(shard => shard.VersionId == versionId && shard.ShardIndex == shardIndex && shard.Pass == pass && !shard.Done);
        var marked = sampleCount is { } count
            ? await shards.ExecuteUpdateAsync(set => set
                .SetProperty(shard => shard.Done, true)
                .SetProperty(shard => shard.ProcessedSamples, count)
                .SetProperty(shard => shard.CompletedAt, now)
                .SetProperty(shard => shard.ClaimedBy, (string?)null)
                .SetProperty(shard => shard.ReleasedAt, now), cancellationToken)
            : await shards.ExecuteUpdateAsync(set => set
                .SetProperty(shard => shard.Done, true)
                .SetProperty(shard => shard.CompletedAt, now)
                .SetProperty(shard => shard.ClaimedBy, (string?)null)
                .SetProperty(shard => shard.ReleasedAt, now), cancellationToken);
        if (marked == 0)
        {
            await ReleaseAsync(versionId, shardIndex, cancellationToken);
        }

        return marked == 1;
    }

    /// <summary>Lets go of the shard without completing it (stopped, failed, shutting down), if this worker still holds it.</summary>
    public async Task ReleaseAsync(string versionId, int shardIndex, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await db.Shards.Where(shard => shard.VersionId == versionId && shard.ShardIndex == shardIndex && shard.ClaimedBy == worker.Id)
            .ExecuteUpdateAsync(set => set
                .SetProperty(shard => shard.ClaimedBy, (string?)null)
                .SetProperty(shard => shard.ReleasedAt, now), cancellationToken);
    }

    /// <summary>
    /// Releases every unfinished shard claimed by a worker that has not beaten since <paramref name="lostBefore"/> (or is
    /// gone from the catalog), and returns those of running versions: each is released by exactly one caller, who
    /// re-enqueues it. The others (their version ended) are only released, so that their staging can be cleared.
    /// </summary>
    public async Task<IReadOnlyList<(string VersionId, int ShardIndex)>> ReleaseLostAsync(long lostBefore, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var lost = await db.Shards
            .Where(shard => !shard.Done && shard.ClaimedBy != null
                && !db.Workers.Any(alive => alive.WorkerId == shard.ClaimedBy && alive.HeartbeatAt >= lostBefore))
            .Select(shard => new
            {
                shard.VersionId,
                shard.ShardIndex,
                shard.ClaimedBy,
                Running = db.Versions.Any(version => version.VersionId == shard.VersionId && version.Status == (int)VersionStatus.Running),
            })
            .ToListAsync(cancellationToken);
        var released = new List<(string, int)>(lost.Count);
        foreach (var shard in lost)
        {
            var taken = await db.Shards
                .Where(s => s.VersionId == shard.VersionId && s.ShardIndex == shard.ShardIndex && s.ClaimedBy == shard.ClaimedBy && !s.Done)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(s => s.ClaimedBy, (string?)null)
                    .SetProperty(s => s.ReleasedAt, now), cancellationToken);
            if (taken == 1 && shard.Running)
            {
                released.Add((shard.VersionId, shard.ShardIndex));
            }
        }

        return released;
    }
}
