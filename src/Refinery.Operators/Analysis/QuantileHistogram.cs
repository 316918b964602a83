namespace Refinery.Operators.Analysis;

/// <summary>
/// Quantiles of a stream of values in a known range, in constant memory: a fine equal-width histogram that also keeps
/// each bin's smallest and largest value. An order statistic is placed inside its bin by linear interpolation between
/// those two, so it is exact when the bin holds one distinct value (always for the minimum and the maximum), and in any
/// case off by at most the spread of its bin, ≤ (hi − lo) / bins; a quantile interpolates two order statistics
/// (numpy's linear rule) and has the same bound.
/// </summary>
public sealed class QuantileHistogram
{
    private readonly double _low;
    private readonly double _scale;
    private readonly long[] _counts;
    private readonly double[] _binMin;
    private readonly double[] _binMax;

    public QuantileHistogram(double low, double high, int bins = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        _low = low;
        _scale = high > low ? bins / (high - low) : 0;
        _counts = new long[bins];
        _binMin = new double[bins];
        _binMax = new double[bins];
        _binMin.AsSpan().Fill(double.PositiveInfinity);
        _binMax.AsSpan().Fill(double.NegativeInfinity);
    }

    public long Count { get; private set; }

    public void Add(double value)
    {
        var bin = (int)Math.Clamp(Math.Floor((value - _low) * _scale), 0, _counts.Length - 1);
        _counts[bin]++;
        _binMin[bin] = Math.Min(_binMin[bin], value);
        _binMax[bin] = Math.Max(_binMax[bin], value);
        Count++;
    }

    /// <summary>The <paramref name="quantile"/> (0..1) by numpy's default linear interpolation between order statistics.</summary>
    public double Quantile(double quantile)
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("Quantiles of no values are undefined.");
        }

        var position = (Count - 1) * Math.Clamp(quantile, 0, 1);
        var lower = (long)Math.Floor(position);
        var fraction = position - lower;
        var low = OrderStatistic(lower);
        return fraction == 0 ? low : low + (fraction * (OrderStatistic(Math.Min(lower + 1, Count - 1)) - low));
    }

    private double OrderStatistic(long rank)
    {
        long before = 0;
        var bin = 0;
        while (before + _counts[bin] <= rank)
        {
            before += _counts[bin++];
        }

        var inBin = _counts[bin];
        return inBin == 1
            ? _binMin[bin]
            : _binMin[bin] + ((_binMax[bin] - _binMin[bin]) * (rank - before) / (inBin - 1));
    }
}
