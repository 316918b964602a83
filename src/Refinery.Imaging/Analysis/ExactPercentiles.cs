namespace Refinery.Imaging.Analysis;

/// <summary>
/// numpy's default (linear) percentiles of a large span of bounded values, exactly, without sorting the span:
/// a coarse histogram locates the order statistics needed, then only the values of those bins are sorted.
/// </summary>
public static class ExactPercentiles
{
    private const int Bins = 2048;

    /// <summary>Percentiles (0..100) of <paramref name="values"/>, each of which lies in [0, <paramref name="maxValue"/>].</summary>
    public static double[] Compute(ReadOnlySpan<float> values, ReadOnlySpan<double> percentiles, float maxValue)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("Percentiles of no values are undefined.", nameof(values));
        }

        var scale = Bins / Math.Max(maxValue, float.Epsilon);
        var counts = new int[Bins];
        var binMin = new float[Bins];
        var binMax = new float[Bins];
        binMin.AsSpan().Fill(float.PositiveInfinity);
        binMax.AsSpan().Fill(float.NegativeInfinity);
        foreach (var value in values)
        {
            var bin = BinOf(value, scale);
            counts[bin]++;
            binMin[bin] = Math.Min(binMin[bin], value);
            binMax[bin] = Math.Max(binMax[bin], value);
        }

        var n = values.Length;
        var ranks = new List<int>(percentiles.Length * 2);
        foreach (var percentile in percentiles)
        {
            var position = (n - 1) * percentile / 100.0;
            var lower = (int)Math.Floor(position);
            ranks.Add(lower);
            ranks.Add(Math.Min(lower + 1, n - 1));
        }

        var orderStatistics = OrderStatistics(values, ranks, counts, binMin, binMax, scale);
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

    private static int BinOf(float value, float scale) => Math.Clamp((int)(value * scale), 0, Bins - 1);

    private static Dictionary<int, double> OrderStatistics(
        ReadOnlySpan<float> values, List<int> ranks, int[] counts, float[] binMin, float[] binMax, float scale)
    {
        // For each rank: its bin and its rank inside that bin. A bin holding one distinct value answers at once
        // (always the case for 8-bit grey levels); the others are gathered in one more pass and sorted.
        var located = new Dictionary<int, (int Bin, int RankInBin)>();
        var found = new Dictionary<int, double>();
        var toGather = new Dictionary<int, List<float>>();
        foreach (var rank in ranks.Distinct())
        {
            var before = 0;
            var bin = 0;
            while (before + counts[bin] <= rank)
            {
                before += counts[bin++];
            }

            if (binMin[bin] == binMax[bin])
            {
                found[rank] = binMin[bin];
            }
            else
            {
                located[rank] = (bin, rank - before);
                toGather.TryAdd(bin, new List<float>(counts[bin]));
            }
        }

        if (toGather.Count == 0)
        {
            return found;
        }

        foreach (var value in values)
        {
            if (toGather.TryGetValue(BinOf(value, scale), out var bucket))
            {
                bucket.Add(value);
            }
        }

        foreach (var bucket in toGather.Values)
        {
            bucket.Sort();
        }

        foreach (var (rank, (bin, rankInBin)) in located)
        {
            found[rank] = toGather[bin][rankInBin];
        }

        return found;
    }
}
