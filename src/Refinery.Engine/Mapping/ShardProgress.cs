using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Engine.Telemetry;

namespace Refinery.Engine.Mapping;

/// <summary>
/// Counts the samples one run of a shard has finished and writes the count to the catalog at most once per
/// <see cref="FlushInterval"/> (by the <see cref="TimeProvider"/>), so a client's <c>progress</c> moves sample by
/// sample rather than once per shard. The version's <c>processed</c> is the sum over its shards, so a shard that is
/// delivered again restarts its own count instead of adding to the total twice.
/// </summary>
public sealed class ShardProgress(IDbContextFactory<CatalogContext> catalog, TimeProvider clock, string versionId, int shardIndex)
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private int _processed;
    private int _flushing;
    private long _lastFlushTicks = clock.GetUtcNow().UtcTicks;

    /// <summary>One more sample finished; writes the count when the last write is at least a flush interval old.</summary>
    public async ValueTask SampleDoneAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _processed);
        EngineMeter.SamplesProcessed.Add(1);
        var now = clock.GetUtcNow().UtcTicks;
        if (now - Volatile.Read(ref _lastFlushTicks) < FlushInterval.Ticks || Interlocked.Exchange(ref _flushing, 1) == 1)
        {
            return; // written recently, or another sample's thread is writing it now
        }

        try
        {
            Volatile.Write(ref _lastFlushTicks, now);
            await using var db = await catalog.CreateDbContextAsync(cancellationToken);
            await RecordAsync(db, versionId, shardIndex, Volatile.Read(ref _processed), cancellationToken);
        }
        finally
        {
            Volatile.Write(ref _flushing, 0);
        }
    }

    /// <summary>
    /// Sets how many samples of an unfinished shard are done and recomputes the version's total from its shards.
    /// A shard already marked done keeps its full count.
    /// </summary>
    private static async Task RecordAsync(CatalogContext db, string versionId, int shardIndex, int processed, CancellationToken cancellationToken)
    {
        await db.Shards.Where(shard => shard.VersionId == versionId && shard.ShardIndex == shardIndex && !shard.Done)
            .ExecuteUpdateAsync(set => set.SetProperty(shard => shard.ProcessedSamples, processed), cancellationToken);
        await RecountAsync(db, versionId, cancellationToken);
    }

    /// <summary>The version's <c>processed</c> from its shards' counts.</summary>
    public static Task RecountAsync(CatalogContext db, string versionId, CancellationToken cancellationToken) =>
        db.Versions.Where(version => version.VersionId == versionId)
            .ExecuteUpdateAsync(set => set.SetProperty(
                version => version.ProcessedSamples,
                version => db.Shards.Where(shard => shard.VersionId == version.VersionId).Sum(shard => shard.ProcessedSamples)), cancellationToken);
}
