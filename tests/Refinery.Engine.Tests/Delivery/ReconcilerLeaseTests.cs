using Refinery.Engine.Delivery;
using Refinery.Engine.Tests.Mapping;

namespace Refinery.Engine.Tests.Delivery;

/// <summary>One reconciler at a time: the lease is exclusive while renewed, and passes on once its holder stops renewing it.</summary>
public sealed class ReconcilerLeaseTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private readonly EngineOptions _options = new() { ReconcilerLease = TimeSpan.FromSeconds(10) };
    private TemporaryCatalog _catalog = null!;

    public async Task InitializeAsync() => _catalog = await TemporaryCatalog.CreateAsync(shards: 0);

    public async Task DisposeAsync() => await _catalog.DisposeAsync();

    [Fact]
    public async Task While_its_holder_renews_the_lease_no_other_process_gets_it()
    {
        var first = Lease("first");
        var second = Lease("second");

        Assert.True(await first.TryHoldAsync(CancellationToken.None));
        for (var beat = 0; beat < 5; beat++)
        {
            _clock.Advance(TimeSpan.FromSeconds(4));
            Assert.False(await second.TryHoldAsync(CancellationToken.None));
            Assert.True(await first.TryHoldAsync(CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_holder_that_stops_renewing_loses_the_lease_once_it_expires_and_does_not_get_it_back()
    {
        var dead = Lease("dead");
        var survivor = Lease("survivor");
        Assert.True(await dead.TryHoldAsync(CancellationToken.None));

        _clock.Advance(TimeSpan.FromSeconds(9));
        var beforeExpiry = await survivor.TryHoldAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var afterExpiry = await survivor.TryHoldAsync(CancellationToken.None);

        Assert.False(beforeExpiry);
        Assert.True(afterExpiry);
        Assert.False(await dead.TryHoldAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_lease_given_up_on_a_clean_stop_is_taken_at_once()
    {
        var stopping = Lease("stopping");
        var other = Lease("other");
        Assert.True(await stopping.TryHoldAsync(CancellationToken.None));

        await stopping.ReleaseAsync(CancellationToken.None);

        Assert.True(await other.TryHoldAsync(CancellationToken.None));
    }

    private ReconcilerLease Lease(string holder) => new(_catalog.Factory, new WorkerIdentity(holder, "host", 1), _clock, _options);
}
