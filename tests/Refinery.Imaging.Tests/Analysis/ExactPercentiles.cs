using System.Buffers;

namespace Refinery.Imaging.Tests.Analysis;

/// <summary>
/// numpy's default (linear) percentiles of a large span of bounded values, exactly, without sorting the span: a fine
/// histogram (65 536 bins) locates the order statistics needed, then only the values of those few bins are gathered.
/// </summary>
internal static class ExactPercentiles
{
    private const int Bins = 1 << 16;

    /// <summary>Percentiles (0..100) of <paramref name="values"/>, each of which lies in [0, <paramref name="maxValue"/>].</summary>
    public static double[] Compute(ReadOnlySpan<float> values, ReadOnlySpan<double> percentiles, float maxValue)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("Percentiles of no values are undefined.", nameof(values));
        }

        var scale = Bins / Math.Max(maxValue, float.Epsilon);
        var counts = ArrayPool<int>.Shared.Rent(Bins);
        try
        {
            Array.Clear(counts, 0, Bins);
            foreach (var value in values)
            {
                counts[BinOf(value, scale)]++;
            }

            var n = values.Length;
            var ranks = new int[percentiles.Length * 2];
            for (var i = 0; i < percentiles.Length; i++)
            {
                var lower = (int)Math.Floor((n - 1) * percentiles[i] / 100.0);
                ranks[2 * i] = lower;
                ranks[(2 * i) + 1] = Math.Min(lower + 1, n - 1);
            }

            var orderStatistics = OrderStatistics(values, ranks, counts, scale);
            var result = new double[percentiles.Length];
            for (var i = 0; i < percentiles.Length; i++)
            {
                var position = (n - 1) * percentiles[i] / 100.0;
                var fraction = position - Math.Floor(position);
                var low = orderStatistics[ranks[2 * i]];
                var high = orderStatistics[ranks[(2 * i) + 1]];
                result[i] = low + (fraction * (high - low));
            }

            return result;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    // Values are never negative, so only the top needs clamping (the maximum itself lands one past the last bin).
    private static int BinOf(float value, float scale) => Math.Min((int)(value * scale), Bins - 1);

    private static Dictionary<int, double> OrderStatistics(ReadOnlySpan<float> values, int[] ranks, int[] counts, float scale)
    {
        var located = new Dictionary<int, (int Bin, int RankInBin)>();
        var buckets = new Dictionary<int, List<float>>();
        foreach (var rank in ranks.Distinct())
        {
            var before = 0;
            var bin = 0;
            while (before + counts[bin] <= rank)
            {
                before += counts[bin++];
            }

            located[rank] = (bin, rank - before);
            buckets.TryAdd(bin, new List<float>(counts[bin]));
        }

        var isWanted = ArrayPool<bool>.Shared.Rent(Bins);
        try
        {
            Array.Clear(isWanted, 0, Bins);
            foreach (var bin in buckets.Keys)
            {
                isWanted[bin] = true;
            }

            foreach (var value in values)
            {
                var bin = BinOf(value, scale);
                if (isWanted[bin])
                {
                    buckets[bin].Add(value);
                }
            }
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(isWanted);
        }

        foreach (var bucket in buckets.Values)
        {
            // A bin of one distinct value (a flat image, any 8-bit grey level) needs no sort.
            if (bucket.Min() != bucket.Max())
            {
                bucket.Sort();
            }
        }

        return located.ToDictionary(pair => pair.Key, pair => (double)buckets[pair.Value.Bin][pair.Value.RankInBin]);
    }
}
