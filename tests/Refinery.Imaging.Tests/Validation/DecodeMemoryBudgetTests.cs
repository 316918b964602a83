namespace Refinery.Imaging.Tests.Validation;

public sealed class DecodeMemoryBudgetTests
{
    [Fact]
    public async Task A_reservation_that_does_not_fit_waits_until_enough_bytes_are_released()
    {
        var budget = new DecodeMemoryBudget(100);
        var first = await budget.ReserveAsync(60, CancellationToken.None);

        var second = budget.ReserveAsync(50, CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);
        Assert.Equal(60, budget.InUse);

        first.Dispose();
        using var granted = await second;
        Assert.Equal(50, budget.InUse);
    }

    [Fact]
    public async Task Waiters_are_served_in_arrival_order_so_a_large_one_is_not_starved_by_small_ones()
    {
        var budget = new DecodeMemoryBudget(100);
        var held = await budget.ReserveAsync(60, CancellationToken.None);

        var large = budget.ReserveAsync(90, CancellationToken.None).AsTask();
        var small = budget.ReserveAsync(20, CancellationToken.None).AsTask();

        // 20 bytes would fit beside the 60 held, but the large waiter came first (and 20 do not fit beside its 90).
        Assert.False(small.IsCompleted);
        held.Dispose();
        var largeGranted = await large;
        Assert.False(small.IsCompleted);
        largeGranted.Dispose();
        (await small).Dispose();
        Assert.Equal(0, budget.InUse);
    }

    [Fact]
    public async Task Cancelling_a_waiter_leaves_nothing_reserved_and_lets_those_behind_it_through()
    {
        var budget = new DecodeMemoryBudget(100);
        using var held = await budget.ReserveAsync(60, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var large = budget.ReserveAsync(90, cancel.Token).AsTask();
        var small = budget.ReserveAsync(10, CancellationToken.None).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => large);
        using var smallGranted = await small;
        Assert.Equal(70, budget.InUse);
    }

    [Fact]
    public async Task A_reservation_larger_than_the_capacity_is_refused_rather_than_left_waiting_forever()
    {
        var budget = new DecodeMemoryBudget(100);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => budget.ReserveAsync(101, CancellationToken.None).AsTask());
        Assert.Equal(0, budget.InUse);
    }

    [Fact]
    public async Task Disposing_a_reservation_twice_releases_it_once()
    {
        var budget = new DecodeMemoryBudget(100);
        using var other = await budget.ReserveAsync(30, CancellationToken.None);
        var reservation = await budget.ReserveAsync(50, CancellationToken.None);

        reservation.Dispose();
        reservation.Dispose();

        Assert.Equal(30, budget.InUse);
    }

    [Fact]
    public async Task Concurrent_holders_never_hold_more_than_the_capacity_together()
    {
        const long capacity = 1_000;
        var budget = new DecodeMemoryBudget(capacity);
        long holding = 0;
        long peak = 0;

        // Each holder keeps its bytes until the next one is granted, so holders overlap in every possible order.
        var holders = Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            for (var round = 0; round < 200; round++)
            {
                var bytes = random.Next(1, (int)capacity + 1);
                using var reservation = await budget.ReserveAsync(bytes, CancellationToken.None);
                var now = Interlocked.Add(ref holding, bytes);
                InterlockedMax(ref peak, now);
                await Task.Yield();
                Interlocked.Add(ref holding, -bytes);
            }
        }));
        await Task.WhenAll(holders);

        Assert.InRange(peak, 1, capacity);
        Assert.Equal(0, budget.InUse);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
