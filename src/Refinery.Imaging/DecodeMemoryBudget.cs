namespace Refinery.Imaging;

/// <summary>
/// The bytes every decode in the process shares: a decode reserves its footprint before OpenCV allocates and gives it
/// back when its pixels are disposed, so the pixels alive at once never exceed <see cref="Capacity"/> whatever the
/// images, the workers or the thumbnails. Waiters are served in arrival order, so a large image is not starved by a
/// stream of small ones; waiting honours cancellation. Thread-safe.
/// </summary>
public sealed class DecodeMemoryBudget
{
    private readonly object _gate = new();
    private readonly LinkedList<Waiter> _waiting = new();
    private long _inUse;

    /// <exception cref="ArgumentOutOfRangeException">The capacity is not positive.</exception>
    public DecodeMemoryBudget(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacityBytes);
        Capacity = capacityBytes;
    }

    public long Capacity { get; }

    /// <summary>
    /// A quarter of the memory this process may use (the machine's, or its container's limit), from 64 MiB to 1 GiB:
    /// room for a 100-megapixel RGB image where memory allows, and never most of a small machine.
    /// </summary>
    public static long DefaultCapacity() =>
        Math.Clamp(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4, 64L * 1024 * 1024, 1024L * 1024 * 1024);

    /// <summary>The bytes reserved now.</summary>
    public long InUse
    {
        get
        {
            lock (_gate)
            {
                return _inUse;
            }
        }
    }

    /// <summary>Waits until <paramref name="bytes"/> fit beside what is reserved, then reserves them until the result is disposed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">More than the whole capacity is asked for: such a wait would never end.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the bytes were reserved; nothing stays reserved.</exception>
    public ValueTask<DecodeReservation> ReserveAsync(long bytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, Capacity);
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (_gate)
        {
            if (_waiting.Count == 0 && _inUse + bytes <= Capacity)
            {
                _inUse += bytes;
                return ValueTask.FromResult(new DecodeReservation(this, bytes));
            }

            waiter = new Waiter(bytes);
            waiter.Node = _waiting.AddLast(waiter);
        }

        return WaitAsync(waiter, cancellationToken);
    }

    internal void Release(long bytes)
    {
        lock (_gate)
        {
            _inUse -= bytes;
            GrantWaiting();
        }
    }

    private async ValueTask<DecodeReservation> WaitAsync(Waiter waiter, CancellationToken cancellationToken)
    {
        await using (cancellationToken.Register(() => Withdraw(waiter, cancellationToken)))
        {
            await waiter.Granted.Task.ConfigureAwait(false);
        }

        return new DecodeReservation(this, waiter.Bytes);
    }

    private void Withdraw(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (waiter.Node?.List is null)
            {
                return; // granted already: the reservation stands and its owner disposes it
            }

            _waiting.Remove(waiter.Node);
            GrantWaiting(); // the head may have been what held the others back
        }

        waiter.Granted.TrySetCanceled(cancellationToken);
    }

    /// <summary>Grants waiters from the head while they fit. Called under the lock; continuations run elsewhere.</summary>
    private void GrantWaiting()
    {
        while (_waiting.First is { } head && _inUse + head.Value.Bytes <= Capacity)
        {
            _waiting.RemoveFirst();
            _inUse += head.Value.Bytes;
            head.Value.Granted.TrySetResult();
        }
    }

    private sealed class Waiter(long bytes)
    {
        public long Bytes { get; } = bytes;

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }
    }
}
