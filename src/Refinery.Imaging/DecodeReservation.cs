namespace Refinery.Imaging;

/// <summary>Bytes held in a <see cref="DecodeMemoryBudget"/>; disposing gives them back, once.</summary>
public sealed class DecodeReservation : IDisposable
{
    private DecodeMemoryBudget? _budget;

    internal DecodeReservation(DecodeMemoryBudget budget, long bytes)
    {
        _budget = budget;
        Bytes = bytes;
    }

    public long Bytes { get; }

    public void Dispose() => Interlocked.Exchange(ref _budget, null)?.Release(Bytes);
}
