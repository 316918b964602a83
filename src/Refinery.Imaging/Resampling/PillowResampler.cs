using System.Buffers;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OpenCvSharp;

namespace Refinery.Imaging.Resampling;

/// <summary>
/// Pillow's <c>Image.resize(size, filter)</c> for 8-bit images, bit for bit (Resample.c, no <c>reducing_gap</c>, the
/// whole image as box): a horizontal pass over the source rows the vertical pass needs, rounded and clipped to 8 bits,
/// then a vertical pass, each a convolution whose support widens with the reduction factor, in 22-bit fixed point.
/// Channels are independent, so BGR resamples exactly as Pillow's RGB. Buffers are pooled; the sums are integers,
/// so the vectorised order of additions gives Pillow's values exactly.
/// </summary>
public static class PillowResampler
{
    private const int Half = 1 << (ResamplingWeights.PrecisionBits - 1);
    private const int Lanes = 8;

    /// <summary>A new Mat: <paramref name="image"/> (8-bit, any channel count) resized as Pillow resizes it.</summary>
    public static Mat Resize(Mat image, int width, int height, ResamplingFilter filter)
    {
        using var continuous = image.IsContinuous() ? null : image.Clone();
        var resized = new Mat(height, width, MatType.CV_8UC(image.Channels()));
        Resize(new MatRows(continuous ?? image), width, height, filter, resized.AsSpan<byte>());
        return resized;
    }

    /// <summary>A new single-channel Mat: Pillow's <c>image.convert("L").resize(size, filter)</c> of a BGR, BGRA or grey Mat.</summary>
    public static Mat ResizeLuma(Mat image, int width, int height, ResamplingFilter filter)
    {
        using var continuous = image.IsContinuous() ? null : image.Clone();
        var resized = new Mat(height, width, MatType.CV_8UC1);
        Resize(new LumaRows(continuous ?? image), width, height, filter, resized.AsSpan<byte>());
        return resized;
    }

    /// <summary>Resizes <paramref name="source"/> into <paramref name="destination"/> (width·height·channels bytes, row-major).</summary>
    public static void Resize<TRows>(TRows source, int width, int height, ResamplingFilter filter, Span<byte> destination)
        where TRows : IRowSource
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var channels = source.Channels;
        var outRowBytes = width * channels;
        if (destination.Length != outRowBytes * height)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes; {width}×{height}×{channels} needs {outRowBytes * height}.", nameof(destination));
        }

        var scratch = ArrayPool<byte>.Shared.Rent(source.Width * Math.Max(channels, 4));
        try
        {
            if (width == source.Width && height == source.Height)
            {
                // Pillow returns a copy when the size does not change.
                for (var y = 0; y < height; y++)
                {
                    source.Row(y, scratch).CopyTo(destination.Slice(y * outRowBytes, outRowBytes));
                }

                return;
            }

            using var vertical = ResamplingWeights.Compute(source.Height, height, filter);
            // Only the source rows some output row reads go through the horizontal pass.
            var firstRow = vertical.First(0);
            var rowCount = vertical.First(height - 1) + vertical.Count(height - 1) - firstRow;
            if (height == source.Height)
            {
                HorizontalPass(source, firstRow, rowCount, filter, width, destination);
                return;
            }

            var intermediate = ArrayPool<byte>.Shared.Rent(rowCount * outRowBytes);
            try
            {
                var rows = intermediate.AsSpan(0, rowCount * outRowBytes);
                if (width == source.Width)
                {
                    for (var y = 0; y < rowCount; y++)
                    {
                        source.Row(firstRow + y, scratch).CopyTo(rows.Slice(y * outRowBytes, outRowBytes));
                    }
                }
                else
                {
                    HorizontalPass(source, firstRow, rowCount, filter, width, rows);
                }

                for (var y = 0; y < height; y++)
                {
                    VerticalRow(rows, outRowBytes, vertical.First(y) - firstRow, vertical.For(y), destination.Slice(y * outRowBytes, outRowBytes));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(intermediate);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    // Channels are resampled one plane at a time: a row is split into planes (each zero-padded for the last 16-byte
    // load), then every output pixel of a plane is one dot product over contiguous bytes.
    private static void HorizontalPass<TRows>(TRows source, int firstRow, int rowCount, ResamplingFilter filter, int width, Span<byte> rows)
        where TRows : IRowSource
    {
        var channels = source.Channels;
        var outRowBytes = width * channels;
        var planeStride = source.Width + ResamplingWeights.SplitBlock;
        using var horizontal = ResamplingWeights.Compute(source.Width, width, filter);
        var scratch = ArrayPool<byte>.Shared.Rent(source.Width * Math.Max(channels, 4));
        var planes = ArrayPool<byte>.Shared.Rent(planeStride * channels);
        try
        {
            Array.Clear(planes, 0, planeStride * channels);
            for (var y = 0; y < rowCount; y++)
            {
                PlanarRows.Split(source.Row(firstRow + y, scratch), channels, planes, planeStride);
                var target = rows.Slice(y * outRowBytes, outRowBytes);
                for (var channel = 0; channel < channels; channel++)
                {
                    var plane = planes.AsSpan(channel * planeStride, planeStride);
                    for (var x = 0; x < width; x++)
                    {
                        target[(x * channels) + channel] = Clip(DotProduct(plane[horizontal.First(x)..], horizontal, x));
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
            ArrayPool<byte>.Shared.Return(planes);
        }
    }

    /// <summary>
    /// Pillow's rounding half plus Σ pixel·weight over output pixel <paramref name="index"/>'s taps. With AVX2, sixteen
    /// taps per step as 16-bit products of the pixels with each weight half (<c>vpmaddwd</c>); the halves recombine to
    /// the exact integer sum. <paramref name="pixels"/> starts at the first tap and is readable past the last one to the
    /// padded tap count.
    /// </summary>
    private static int DotProduct(ReadOnlySpan<byte> pixels, ResamplingWeights weights, int index)
    {
        if (!Avx2.IsSupported)
        {
            var taps = weights.For(index);
            var scalar = Half;
            for (var tap = 0; tap < taps.Length; tap++)
            {
                scalar += pixels[tap] * taps[tap];
            }

            return scalar;
        }

        var high = weights.HighFor(index);
        var low = weights.LowFor(index);
        Vector256<int> highSums = default, lowSums = default;
        for (var tap = 0; tap < high.Length; tap += ResamplingWeights.SplitBlock)
        {
            var values = Avx2.ConvertToVector256Int16(Vector128.Create(pixels[tap..]));
            highSums += Avx2.MultiplyAddAdjacent(values, Vector256.Create(high[tap..]));
            lowSums += Avx2.MultiplyAddAdjacent(values, Vector256.Create(low[tap..]));
        }

        return Half + Vector256.Sum(Vector256.ShiftLeft(highSums, ResamplingWeights.LowBits) + lowSums);
    }

    private static void VerticalRow(ReadOnlySpan<byte> rows, int rowBytes, int firstRow, ReadOnlySpan<int> weights, Span<byte> target)
    {
        var column = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; column + Lanes <= rowBytes; column += Lanes)
            {
                var sum = Vector256.Create(Half);
                for (var tap = 0; tap < weights.Length; tap++)
                {
                    sum += ByteLanes.WidenEight(rows[(((firstRow + tap) * rowBytes) + column)..]) * Vector256.Create(weights[tap]);
                }

                var clipped = Vector256.Clamp(Vector256.ShiftRightArithmetic(sum, ResamplingWeights.PrecisionBits), Vector256<int>.Zero, Vector256.Create(255));
                for (var lane = 0; lane < Lanes; lane++)
                {
                    target[column + lane] = (byte)clipped[lane];
                }
            }
        }

        for (; column < rowBytes; column++)
        {
            var sum = Half;
            for (var tap = 0; tap < weights.Length; tap++)
            {
                sum += rows[((firstRow + tap) * rowBytes) + column] * weights[tap];
            }

            target[column] = Clip(sum);
        }
    }

    private static byte Clip(int sum) => (byte)Math.Clamp(sum >> ResamplingWeights.PrecisionBits, 0, 255);
}
