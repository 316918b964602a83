namespace Refinery.Imaging.Analysis;

/// <summary>
/// numpy's default (linear) percentile of <c>count</c> sorted values: the two order statistics it reads (0-based
/// ranks) and how far between them it lies.
/// </summary>
public readonly record struct LinearPercentile(long Lower, long Upper, double Fraction)
{
    /// <param name="count">How many values there are (at least one).</param>
    /// <param name="percentile">0..100.</param>
    public static LinearPercentile Of(long count, double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var position = (count - 1) * percentile / 100.0;
        var lower = (long)Math.Floor(position);
        return new LinearPercentile(lower, Math.Min(lower + 1, count - 1), position - Math.Floor(position));
    }

    /// <summary>The percentile, given the values at <see cref="Lower"/> and <see cref="Upper"/>.</summary>
    public double Interpolate(double lowerValue, double upperValue) => lowerValue + (Fraction * (upperValue - lowerValue));
}
