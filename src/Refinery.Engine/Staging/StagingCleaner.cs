using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Refinery.Catalog;
using Refinery.Domain;

namespace Refinery.Engine.Staging;

/// <summary>
/// Clears a version's staging (shard lists, results, unpublished output) once the version has ended — completed,
/// failed or stopped — so only running versions hold scratch space. Idempotent, and crash-safe by ordering: for a
/// failed or stopped version the files go first and its shard records last, so one that still has shard records has
/// staging left to clear, and <see cref="SweepAsync"/> (run by the reconciler) finishes the job after a crash. A
/// completed version keeps its shard records: their timestamps are the record of how the run went.
/// </summary>
public sealed class StagingCleaner(IDbContextFactory<CatalogContext> catalog, StagingArea staging, ILogger<StagingCleaner> logger)
{
    /// <summary>
    /// Clears the version's staging unless it is still initialized or running; true when it cleared, false also when a
    /// writer still busy in it made the delete fail (cleared later, by that writer or the sweep).
    /// </summary>
    public async Task<bool> ClearIfEndedAsync(string versionId, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var status = await db.Versions.Where(version => version.VersionId == versionId)
            .Select(version => (int?)version.Status).SingleOrDefaultAsync(cancellationToken);
        if (status is (int)VersionStatus.Initialized or (int)VersionStatus.Running)
        {
            return false;
        }

        try
        {
            await staging.Store.DeletePrefixAsync(staging.VersionRoot(versionId), cancellationToken);
        }
        catch (IOException exception)
        {
            // A worker still finishing its sample is writing into the folder. It clears again when it lets go, and the
            // shard records kept below bring the reconciler's sweep back here if nothing else does.
            logger.LogInformation("Staging of version {VersionId} not cleared yet: {Reason}", versionId, exception.Message);
            return false;
        }

        if (status != (int)VersionStatus.Completed)
        {
            // While a worker still holds a shard the records stay, so the catalog shows it running; the worker clears
            // again when it lets go.
            if (await db.Shards.AnyAsync(shard => shard.VersionId == versionId && shard.ClaimedBy != null, cancellationToken))
            {
                return false;
            }

            await db.Shards.Where(shard => shard.VersionId == versionId).ExecuteDeleteAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>Clears every failed or stopped version whose clearing a crash interrupted; returns how many it cleared.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        List<string> leftovers;
        await using (var db = await catalog.CreateDbContextAsync(cancellationToken))
        {
            leftovers = await db.Shards
                .Where(shard => db.Versions.Any(version => version.VersionId == shard.VersionId
                    && (version.Status == (int)VersionStatus.Failed || version.Status == (int)VersionStatus.Stopped)))
                .Select(shard => shard.VersionId).Distinct().ToListAsync(cancellationToken);
        }

        var cleared = 0;
        foreach (var versionId in leftovers)
        {
            cleared += await ClearIfEndedAsync(versionId, cancellationToken) ? 1 : 0;
        }

        return cleared;
    }
}
