using FsCheck;
using FsCheck.Xunit;
using Refinery.Operators.Analysis;

namespace Refinery.Operators.Tests.Analysis;

public sealed class HistogramPropertyTests
{
    private static double[] Finite(NonEmptyArray<NormalFloat> values) => [.. values.Get.Select(value => value.Get)];

    private static double NumpyLinear(double[] sorted, double quantile)
    {
        var position = (sorted.Length - 1) * quantile;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    [Property]
    public bool Quantiles_are_within_one_fine_bin_of_the_sorted_array(NonEmptyArray<NormalFloat> generated, byte quantileStep)
    {
        var values = Finite(generated);
        double min = values.Min(), max = values.Max();
        var histogram = new QuantileHistogram(min, max, 4096);
        foreach (var value in values)
        {
            histogram.Add(value);
        }

        var sorted = values.Order().ToArray();
        var bound = ((max - min) / 4096) + (1e-12 * Math.Max(Math.Abs(min), Math.Abs(max)));
        return new[] { 0, 0.25, 0.5, 0.75, 1, quantileStep / 255.0 }
            .All(quantile => Math.Abs(histogram.Quantile(quantile) - NumpyLinear(sorted, quantile)) <= bound);
    }

    [Property]
    public bool Minimum_and_maximum_quantiles_are_exact(NonEmptyArray<NormalFloat> generated)
    {
        var values = Finite(generated);
        var histogram = new QuantileHistogram(values.Min(), values.Max(), 4096);
        foreach (var value in values)
        {
            histogram.Add(value);
        }

        return histogram.Quantile(0) == values.Min() && histogram.Quantile(1) == values.Max();
    }

    [Property]
    public bool Equal_width_counts_match_counting_against_the_edges(NonEmptyArray<NormalFloat> generated)
    {
        var values = Finite(generated);
        var histogram = new EqualWidthHistogram(values.Min(), values.Max());
        foreach (var value in values)
        {
            histogram.Add(value);
        }

        var edges = histogram.Edges;
        var expected = new long[20];
        foreach (var value in values)
        {
            var bin = 0;
            while (bin < 19 && value >= edges[bin + 1])
            {
                bin++;
            }

            expected[bin]++;
        }

        return edges.Count == 21 && histogram.Counts.Sum() == values.Length && histogram.Counts.SequenceEqual(expected);
    }
}
