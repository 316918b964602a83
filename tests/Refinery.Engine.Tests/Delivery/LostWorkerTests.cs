using Microsoft.Extensions.Logging.Abstractions;
using Refinery.Catalog;
using Refinery.Engine.Delivery;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Staging;
using Refinery.Engine.Tests.Mapping;
using Refinery.Storage;

namespace Refinery.Engine.Tests.Delivery;

/// <summary>
/// The reconciler hands on the shards of a worker that stopped beating, once, as soon as it counts as lost; a worker
/// that beats keeps its shards.
/// </summary>
public sealed class LostWorkerTests : IAsyncLifetime
{
    private const string VersionId = TemporaryCatalog.VersionId;

    private readonly ManualClock _clock = new();
    private readonly EngineOptions _options = new() { WorkerHeartbeatInterval = TimeSpan.FromSeconds(2), WorkerLostAfter = TimeSpan.FromSeconds(6) };
    private readonly RecordingScheduler _scheduler = new();
    private TemporaryCatalog _catalog = null!;

    public async Task InitializeAsync() => _catalog = await TemporaryCatalog.CreateAsync(shards: 2);

    public async Task DisposeAsync() => await _catalog.DisposeAsync();

    [Fact]
    public async Task The_shard_of_a_worker_that_missed_three_beats_is_released_and_enqueued_again_once()
    {
        var (registry, claims) = Worker("doomed");
        await registry.BeatAsync(CancellationToken.None);
        await claims.ClaimAsync(VersionId, 1, CancellationToken.None);
        var reconciler = Reconciler();

        _clock.Advance(TimeSpan.FromSeconds(5));
        var whileFresh = await reconciler.RequeueLostShardsAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var onceLost = await reconciler.RequeueLostShardsAsync(CancellationToken.None);
        var again = await reconciler.RequeueLostShardsAsync(CancellationToken.None);

        Assert.Equal([0, 1, 0], new[] { whileFresh, onceLost, again });
        Assert.Equal([(VersionId, 1)], _scheduler.Maps);
        Assert.Null((await _catalog.ShardAsync(1)).ClaimedBy);
    }

    [Fact]
    public async Task A_worker_that_keeps_beating_keeps_its_shard_however_long_it_runs()
    {
        var (registry, claims) = Worker("busy");
        await registry.BeatAsync(CancellationToken.None);
        await claims.ClaimAsync(VersionId, 0, CancellationToken.None);
        var reconciler = Reconciler();

        for (var beat = 0; beat < 30; beat++)
        {
            _clock.Advance(_options.WorkerHeartbeatInterval);
            await registry.BeatAsync(CancellationToken.None);
            Assert.Equal(0, await reconciler.RequeueLostShardsAsync(CancellationToken.None));
        }

        Assert.Empty(_scheduler.Maps);
        Assert.Equal("busy", (await _catalog.ShardAsync(0)).ClaimedBy);
    }

    [Fact]
    public async Task The_shard_of_a_worker_that_retired_is_handed_on_at_once_and_a_done_shard_never()
    {
        var (registry, claims) = Worker("retired");
        await registry.BeatAsync(CancellationToken.None);
        await claims.ClaimAsync(VersionId, 0, CancellationToken.None);
        await claims.ClaimAsync(VersionId, 1, CancellationToken.None);
        await claims.CompleteAsync(VersionId, pass: 0, shardIndex: 1, sampleCount: 1, CancellationToken.None);

        await registry.RetireAsync(CancellationToken.None);

        Assert.Equal(1, await Reconciler().RequeueLostShardsAsync(CancellationToken.None));
        Assert.Equal([(VersionId, 0)], _scheduler.Maps);
    }

    [Fact]
    public async Task A_lost_workers_shard_of_a_stopped_version_is_released_but_not_run_again()
    {
        var (registry, claims) = Worker("doomed");
        await registry.BeatAsync(CancellationToken.None);
        await claims.ClaimAsync(VersionId, 0, CancellationToken.None);
        await _catalog.StopAsync();
        _clock.Advance(TimeSpan.FromSeconds(7));

        Assert.Equal(0, await Reconciler().RequeueLostShardsAsync(CancellationToken.None));

        Assert.Empty(_scheduler.Maps);
        Assert.False(await _catalog.AnyShardClaimedAsync());
    }

    private (WorkerRegistry Registry, ShardClaims Claims) Worker(string id)
    {
        var identity = new WorkerIdentity(id, "host", 1);
        return (new WorkerRegistry(_catalog.Factory, identity, _clock), new ShardClaims(_catalog.Factory, identity, _clock));
    }

    private VersionReconciler Reconciler()
    {
        var staging = new StagingArea(new LocalDirectoryStore("staging", Path.Combine(_catalog.Root, "staging")), new ObjectPath("staging", ""));
        var cleaner = new StagingCleaner(_catalog.Factory, staging, NullLogger<StagingCleaner>.Instance);
        return new VersionReconciler(
            _catalog.Factory,
            CatalogDatabase.SqliteFile(Path.Combine(_catalog.Root, "catalog.db")),
            _scheduler,
            new VersionLifecycle(_catalog.Factory, _clock, cleaner),
            cleaner,
            new ShardClaims(_catalog.Factory, new WorkerIdentity("reconciler", "host", 2), _clock),
            _options,
            NullLogger<VersionReconciler>.Instance);
    }

    private sealed class RecordingScheduler : IJobScheduler
    {
        public List<(string VersionId, int ShardIndex)> Maps { get; } = [];

        public void EnqueuePlan(string versionId)
        {
        }

        public void EnqueueMap(string versionId, int shardIndex) => Maps.Add((versionId, shardIndex));

        public void EnqueueReduce(string versionId)
        {
        }

        public void EnqueueImport(string datasetId)
        {
        }
    }
}
