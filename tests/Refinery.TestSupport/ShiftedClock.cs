namespace Refinery.TestSupport;

/// <summary>
/// The system clock plus an offset a test moves forward: time keeps flowing for everything that polls or times
/// out (stop checks, heartbeats), while a test jumps past a deadline at once instead of sleeping until it passes.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
