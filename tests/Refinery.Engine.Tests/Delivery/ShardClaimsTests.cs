using Refinery.Engine.Delivery;
using Refinery.Engine.Tests.Mapping;

namespace Refinery.Engine.Tests.Delivery;

/// <summary>The catalog's view of who runs a shard: claimed while running, let go however the run ends, completed once.</summary>
public sealed class ShardClaimsTests : IAsyncLifetime
{
    private const string VersionId = TemporaryCatalog.VersionId;

    private readonly ManualClock _clock = new();
    private TemporaryCatalog _catalog = null!;

    public async Task InitializeAsync() => _catalog = await TemporaryCatalog.CreateAsync(shards: 1);

    public async Task DisposeAsync() => await _catalog.DisposeAsync();

    [Fact]
    public async Task A_shard_run_twice_at_once_is_completed_by_one_run_and_counted_once()
    {
        var first = Claims("first");
        var second = Claims("second");
        Assert.True(await first.ClaimAsync(VersionId, 0, CancellationToken.None));
        Assert.True(await second.ClaimAsync(VersionId, 0, CancellationToken.None));

        var completions = new[]
        {
            await first.CompleteAsync(VersionId, pass: 0, shardIndex: 0, sampleCount: 1, CancellationToken.None),
            await second.CompleteAsync(VersionId, pass: 0, shardIndex: 0, sampleCount: 1, CancellationToken.None),
        };

        Assert.Equal([true, false], completions);
        var shard = await _catalog.ShardAsync(0);
        Assert.True(shard.Done);
        Assert.Null(shard.ClaimedBy);
        Assert.Equal(1, shard.ProcessedSamples);
        Assert.False(await first.ClaimAsync(VersionId, 0, CancellationToken.None)); // a third delivery finds it done
    }

    [Fact]
    public async Task A_run_that_lets_go_without_completing_leaves_the_shard_unclaimed_and_not_done_with_the_time_it_let_go()
    {
        var claims = Claims("worker");
        await claims.ClaimAsync(VersionId, 0, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(3));

        await claims.ReleaseAsync(VersionId, 0, CancellationToken.None);

        var shard = await _catalog.ShardAsync(0);
        Assert.Null(shard.ClaimedBy);
        Assert.False(shard.Done);
        Assert.Equal(shard.ClaimedAt + 3000, shard.ReleasedAt);
    }

    [Fact]
    public async Task A_run_does_not_let_go_of_a_claim_another_worker_has_taken_since()
    {
        var earlier = Claims("earlier");
        var later = Claims("later");
        await earlier.ClaimAsync(VersionId, 0, CancellationToken.None);
        await later.ClaimAsync(VersionId, 0, CancellationToken.None);

        await earlier.ReleaseAsync(VersionId, 0, CancellationToken.None);

        Assert.Equal("later", (await _catalog.ShardAsync(0)).ClaimedBy);
    }

    private ShardClaims Claims(string worker) => new(_catalog.Factory, new WorkerIdentity(worker, "host", 1), _clock);
}
