using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;
using OpenCvSharp;

namespace Refinery.Imaging.Analysis;

/// <summary>
/// Everything analysis defines on every decoded pixel, in one pass over the 8-bit buffer a row at a time: mean
/// perceived brightness, its exact numpy-linear 5th and 99th percentiles, and PIL's entropy. Grey images need one
/// 256-bin histogram for all of it. Colour images get, per row, the brightness keys K of <see cref="SquaredBrightness"/>
/// (vectorised), the sum of √(K/1000) (vectorised), the three channel histograms of the entropy and a coarse histogram
/// of K (1,024 keys per bin). The coarse histogram names the at most four bins that hold the order statistics the two
/// percentiles read; a second pass counts only the keys in those bins, exactly, so the percentiles are the exact
/// order statistics without sorting or a float copy of the image. Buffers are pooled; nothing per image is large.
/// </summary>
public static class PixelStatisticsPass
{
    private const int Levels = 256;
    private const int CoarseShift = 10;
    private const int FineBins = 1 << CoarseShift;
    private const int CoarseBins = (SquaredBrightness.MaxKey >> CoarseShift) + 1;
    private const int Lanes = 8;

    // Even and odd pixels count into separate copies of a channel histogram: in a run of equal values each increment
    // would otherwise wait for the previous one's store.
    private const int Copies = 2;

    /// <param name="pixels">8-bit BGR or single-channel grey pixels (<see cref="DecodedImage.EightBitPixels"/>).</param>
    public static PixelStatistics Measure(Mat pixels)
    {
        var channels = CheckedChannels(pixels);
        using var continuous = pixels.IsContinuous() ? null : pixels.Clone();
        var bytes = (continuous ?? pixels).AsSpan<byte>();
        return channels == 1 ? MeasureGrey(bytes) : MeasureColour(bytes, pixels.Cols);
    }

    /// <summary>Mean perceived brightness / 255 of <paramref name="region"/> of <paramref name="pixels"/> (bbox_brightness).</summary>
    public static double MeanBrightness(Mat pixels, Rect region)
    {
        var channels = CheckedChannels(pixels);
        using var continuous = pixels.IsContinuous() ? null : pixels.Clone();
        var bytes = (continuous ?? pixels).AsSpan<byte>();
        var keys = ArrayPool<int>.Shared.Rent(region.Width);
        try
        {
            var sum = 0.0;
            for (var y = region.Top; y < region.Bottom; y++)
            {
                var row = bytes.Slice(((y * pixels.Cols) + region.Left) * channels, region.Width * channels);
                if (channels == 1)
                {
                    foreach (var value in row)
                    {
                        sum += value;
                    }
                }
                else
                {
                    var rowKeys = keys.AsSpan(0, region.Width);
                    SquaredBrightness.Row(row, rowKeys);
                    sum += SquaredBrightness.SumOfBrightness(rowKeys);
                }
            }

            return sum / ((long)region.Width * region.Height) / 255;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(keys);
        }
    }

    private static int CheckedChannels(Mat pixels)
    {
        var channels = pixels.Channels();
        return pixels.Depth() == MatType.CV_8U && channels is 1 or 3
            ? channels
            : throw new ArgumentException($"Pixel statistics read 8-bit BGR or grey pixels; these have depth {pixels.Depth()} and {channels} channels.", nameof(pixels));
    }

    private static PixelStatistics MeasureGrey(ReadOnlySpan<byte> values)
    {
        Span<int> counts = stackalloc int[Copies * Levels];
        counts.Clear();
        var x = 0;
        for (; x + 1 < values.Length; x += 2)
        {
            counts[values[x]]++;
            counts[Levels + values[x + 1]]++;
        }

        for (; x < values.Length; x++)
        {
            counts[values[x]]++;
        }

        var histogram = MergeCopies(counts, Levels);
        long n = values.Length, sum = 0;
        for (var level = 0; level < Levels; level++)
        {
            sum += (long)level * histogram[level];
        }

        var p5 = LinearPercentile.Of(n, 5);
        var p99 = LinearPercentile.Of(n, 99);
        return new PixelStatistics(
            (double)sum / n / 255,
            p5.Interpolate(LevelAtRank(histogram, p5.Lower), LevelAtRank(histogram, p5.Upper)) / 255,
            p99.Interpolate(LevelAtRank(histogram, p99.Lower), LevelAtRank(histogram, p99.Upper)) / 255,
            Entropy(histogram, n));
    }

    private static PixelStatistics MeasureColour(ReadOnlySpan<byte> bgr, int width)
    {
        var rowBytes = width * 3;
        var rows = bgr.Length / rowBytes;
        var keys = ArrayPool<int>.Shared.Rent(width);
        var coarse = ArrayPool<int>.Shared.Rent(CoarseBins);
        try
        {
            Span<int> channelCounts = stackalloc int[Copies * 3 * Levels];
            channelCounts.Clear();
            Array.Clear(coarse, 0, CoarseBins);
            var rowKeys = keys.AsSpan(0, width);
            var brightnessSum = 0.0;
            for (var y = 0; y < rows; y++)
            {
                var row = bgr.Slice(y * rowBytes, rowBytes);
                SquaredBrightness.Row(row, rowKeys);
                brightnessSum += SquaredBrightness.SumOfBrightness(rowKeys);
                CountRow(row, rowKeys, channelCounts, coarse);
            }

            long n = (long)width * rows;
            var p5 = LinearPercentile.Of(n, 5);
            var p99 = LinearPercentile.Of(n, 99);
            var orderStatistics = KeysAtRanks(bgr, rowBytes, coarse, [p5.Lower, p5.Upper, p99.Lower, p99.Upper]);
            return new PixelStatistics(
                brightnessSum / n / 255,
                p5.Interpolate(SquaredBrightness.Brightness(orderStatistics[0]), SquaredBrightness.Brightness(orderStatistics[1])) / 255,
                p99.Interpolate(SquaredBrightness.Brightness(orderStatistics[2]), SquaredBrightness.Brightness(orderStatistics[3])) / 255,
                Entropy(MergeCopies(channelCounts, 3 * Levels), 3 * n));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(coarse);
        }
    }

    // The channel histograms (B, G, R side by side, one copy for even pixels and one for odd) and the coarse key histogram.
    private static void CountRow(ReadOnlySpan<byte> row, ReadOnlySpan<int> keys, Span<int> channelCounts, int[] coarse)
    {
        const int Odd = 3 * Levels;
        int x = 0, offset = 0;
        for (; x + 1 < keys.Length; x += 2, offset += 6)
        {
            channelCounts[row[offset]]++;
            channelCounts[Levels + row[offset + 1]]++;
            channelCounts[(2 * Levels) + row[offset + 2]]++;
            channelCounts[Odd + row[offset + 3]]++;
            channelCounts[Odd + Levels + row[offset + 4]]++;
            channelCounts[Odd + (2 * Levels) + row[offset + 5]]++;
            coarse[keys[x] >> CoarseShift]++;
            coarse[keys[x + 1] >> CoarseShift]++;
        }

        for (; x < keys.Length; x++, offset += 3)
        {
            channelCounts[row[offset]]++;
            channelCounts[Levels + row[offset + 1]]++;
            channelCounts[(2 * Levels) + row[offset + 2]]++;
            coarse[keys[x] >> CoarseShift]++;
        }
    }

    /// <summary>The exact keys at <paramref name="ranks"/>: the coarse bins that hold them, refined by a pass that counts only those bins' keys.</summary>
    private static int[] KeysAtRanks(ReadOnlySpan<byte> bgr, int rowBytes, int[] coarse, long[] ranks)
    {
        var bins = new int[ranks.Length];
        var rankInBin = new long[ranks.Length];
        for (var i = 0; i < ranks.Length; i++)
        {
            (bins[i], rankInBin[i]) = BinAtRank(coarse.AsSpan(0, CoarseBins), ranks[i]);
        }

        var fine = ArrayPool<int>.Shared.Rent(ranks.Length * FineBins);
        var keys = ArrayPool<int>.Shared.Rent(rowBytes / 3);
        try
        {
            Array.Clear(fine, 0, ranks.Length * FineBins);
            CountKeysInBins(bgr, rowBytes, bins, fine, keys.AsSpan(0, rowBytes / 3));
            var result = new int[ranks.Length];
            for (var i = 0; i < ranks.Length; i++)
            {
                var slot = Array.IndexOf(bins, bins[i]);
                var (offset, _) = BinAtRank(fine.AsSpan(slot * FineBins, FineBins), rankInBin[i]);
                result[i] = (bins[i] << CoarseShift) + offset;
            }

            return result;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(fine);
            ArrayPool<int>.Shared.Return(keys);
        }
    }

    // Counts, per key offset within the bin, the keys that fall in one of the wanted coarse bins (a few per cent of
    // the pixels of a photograph): eight keys are compared with the wanted bins at once, and only the lanes that
    // match are counted one by one.
    private static void CountKeysInBins(ReadOnlySpan<byte> bgr, int rowBytes, int[] bins, int[] fine, Span<int> keys)
    {
        var first = Vector256.Create(bins[0]);
        var second = Vector256.Create(bins[1 % bins.Length]);
        var third = Vector256.Create(bins[2 % bins.Length]);
        var fourth = Vector256.Create(bins[3 % bins.Length]);
        for (var top = 0; top < bgr.Length; top += rowBytes)
        {
            SquaredBrightness.Row(bgr.Slice(top, rowBytes), keys);
            var x = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; x + Lanes <= keys.Length; x += Lanes)
                {
                    var keyBins = Vector256.ShiftRightLogical(Vector256.Create(keys[x..]), CoarseShift);
                    var hits = (Vector256.Equals(keyBins, first) | Vector256.Equals(keyBins, second)
                        | Vector256.Equals(keyBins, third) | Vector256.Equals(keyBins, fourth)).ExtractMostSignificantBits();
                    for (; hits != 0; hits &= hits - 1)
                    {
                        CountKey(keys[x + BitOperations.TrailingZeroCount(hits)], bins, fine);
                    }
                }
            }

            foreach (var key in keys[x..])
            {
                CountKey(key, bins, fine);
            }
        }
    }

    private static void CountKey(int key, int[] bins, int[] fine)
    {
        var slot = Array.IndexOf(bins, key >> CoarseShift);
        if (slot >= 0)
        {
            fine[(slot * FineBins) + (key & (FineBins - 1))]++;
        }
    }

    /// <summary>The bin holding the value of 0-based <paramref name="rank"/> in sorted order, and its rank among that bin's values.</summary>
    private static (int Bin, long RankInBin) BinAtRank(ReadOnlySpan<int> counts, long rank)
    {
        long before = 0;
        var bin = 0;
        while (before + counts[bin] <= rank)
        {
            before += counts[bin++];
        }

        return (bin, rank - before);
    }

    private static int LevelAtRank(ReadOnlySpan<int> histogram, long rank) => BinAtRank(histogram, rank).Bin;

    private static int[] MergeCopies(ReadOnlySpan<int> counts, int length)
    {
        var merged = new int[length];
        for (var i = 0; i < length; i++)
        {
            merged[i] = counts[i] + counts[length + i];
        }

        return merged;
    }

    /// <summary>PIL <c>Image.entropy()</c>: the bands' 256-bin histograms concatenated, p = count / (bands·pixels), −Σ p·log2 p.</summary>
    private static double Entropy(ReadOnlySpan<int> histograms, long total)
    {
        var entropy = 0.0;
        foreach (var count in histograms)
        {
            if (count > 0)
            {
                var p = count / (double)total;
                entropy -= p * Math.Log2(p);
            }
        }

        return entropy;
    }
}
