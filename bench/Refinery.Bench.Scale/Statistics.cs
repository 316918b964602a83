namespace Refinery.Bench.Scale;

/// <summary>Order statistics of measured figures.</summary>
public static class Statistics
{
    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 0.5);

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="fraction"/> of them at or below it.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
