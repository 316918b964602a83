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
    private Task _writing = Task.CompletedTask;

    /// <summary>
    /// One more sample finished. When the last write is at least a flush interval old, the count is written on the
    /// thread pool: the sample's slot goes on to the next sample instead of waiting for the catalog, whose writes
    /// (a transaction and its commit) can take longer than a small image's whole analysis on a busy machine. A write
    /// that failed is rethrown here, by the next sample to start one, or by <see cref="WrittenAsync"/>.
    /// </summary>
    public async ValueTask SampleDoneAsync(CancellationToken cancellationToken)
    {
        var processed = Interlocked.Increment(ref _processed);
        EngineMeter.SamplesProcessed.Add(1);
        var now = clock.GetUtcNow().UtcTicks;
        if (now - Volatile.Read(ref _lastFlushTicks) < FlushInterval.Ticks || Interlocked.Exchange(ref _flushing, 1) == 1)
        {
            return; // written recently, or being written now
        }

        var previous = Volatile.Read(ref _writing);
        Volatile.Write(ref _lastFlushTicks, now);
        Volatile.Write(ref _writing, Task.Run(() => WriteAsync(processed, cancellationToken), CancellationToken.None));
        await previous; // complete already (one write at a time); surfaces its failure
    }

    /// <summary>Completes when the count being written, if any, is written: the shard's end is recorded after it.</summary>
    public Task WrittenAsync() => Volatile.Read(ref _writing);

    private async Task WriteAsync(int processed, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await catalog.CreateDbContextAsync(cancellationToken);
            await RecordAsync(db, versionId, shardIndex, processed, cancellationToken);
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
