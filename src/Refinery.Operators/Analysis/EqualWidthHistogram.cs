namespace Refinery.Operators.Analysis;

/// <summary>
/// The charted histogram: equal-width bins between a feature's minimum and maximum, numpy's convention (every bin
/// half-open but the last, which includes the maximum; a single value v spans [v − 0.5, v + 0.5]).
/// </summary>
public sealed class EqualWidthHistogram
{
    public const int DefaultBins = 20;

    private readonly double[] _edges;
    private readonly long[] _counts;

    public EqualWidthHistogram(double min, double max, int bins = DefaultBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var (low, high) = max > min ? (min, max) : (min - 0.5, max + 0.5);
        _edges = new double[bins + 1];
        for (var i = 0; i <= bins; i++)
        {
            _edges[i] = low + ((high - low) * i / bins);
        }

        _edges[bins] = high;
        _counts = new long[bins];
    }

    public IReadOnlyList<double> Edges => _edges;

    public IReadOnlyList<long> Counts => _counts;

    public void Add(double value)
    {
        int bins = _counts.Length;
        double low = _edges[0], high = _edges[bins];
        var bin = (int)Math.Clamp(Math.Floor((value - low) / (high - low) * bins), 0, bins - 1);
        // The arithmetic guess can land one bin off at an edge; the edges themselves decide.
        if (bin > 0 && value < _edges[bin])
        {
            bin--;
        }
        else if (bin < bins - 1 && value >= _edges[bin + 1])
        {
            bin++;
        }

        _counts[bin]++;
    }
}
