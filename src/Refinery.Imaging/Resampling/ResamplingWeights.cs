using System.Buffers;

namespace Refinery.Imaging.Resampling;

/// <summary>
/// Pillow's per-output-pixel convolution weights along one axis (Resample.c <c>precompute_coeffs</c> and
/// <c>normalize_coeffs_8bpc</c>): the first source pixel and the tap count of each output pixel, and the weights in
/// fixed point with <see cref="PrecisionBits"/> fraction bits. Each weight is also kept split into two 16-bit halves,
/// <c>w = High·2^<see cref="LowBits"/> + Low</c>, so that a dot product with 8-bit pixels can multiply sixteen
/// 16-bit lanes at a time and still sum exactly. The arrays are pooled: dispose the instance.
/// </summary>
public sealed class ResamplingWeights : IDisposable
{
    /// <summary>32 − 8 − 2: an 8-bit result plus two bits of headroom for negative lobes and sums above 1.</summary>
    public const int PrecisionBits = 22;

    /// <summary>Bits of a weight in its <see cref="LowFor"/> half (0..2047); the rest, signed, is in <see cref="HighFor"/>.</summary>
    public const int LowBits = 11;

    /// <summary>The split halves of each output pixel are zero-padded to a multiple of this many taps.</summary>
    public const int SplitBlock = 16;

    private readonly int[] _firsts;
    private readonly int[] _counts;
    private readonly int[] _weights;
    private readonly short[] _high;
    private readonly short[] _low;
    private readonly int _stride;
    private readonly int _splitStride;

    private ResamplingWeights(int outSize, int kernelSize)
    {
        OutSize = outSize;
        _stride = kernelSize;
        _splitStride = PaddedTaps(kernelSize);
        _firsts = ArrayPool<int>.Shared.Rent(outSize);
        _counts = ArrayPool<int>.Shared.Rent(outSize);
        _weights = ArrayPool<int>.Shared.Rent(outSize * _stride);
        _high = ArrayPool<short>.Shared.Rent(outSize * _splitStride);
        _low = ArrayPool<short>.Shared.Rent(outSize * _splitStride);
    }

    public int OutSize { get; }

    /// <summary>The first source pixel output pixel <paramref name="index"/> reads.</summary>
    public int First(int index) => _firsts[index];

    /// <summary>How many source pixels output pixel <paramref name="index"/> reads.</summary>
    public int Count(int index) => _counts[index];

    /// <summary>The fixed-point weights of output pixel <paramref name="index"/>.</summary>
    public ReadOnlySpan<int> For(int index) => _weights.AsSpan(index * _stride, _counts[index]);

    /// <summary>The high halves (<c>w &gt;&gt; LowBits</c>) of output pixel <paramref name="index"/>'s weights, zero-padded to a multiple of <see cref="SplitBlock"/>.</summary>
    public ReadOnlySpan<short> HighFor(int index) => _high.AsSpan(index * _splitStride, PaddedTaps(_counts[index]));

    /// <summary>The low halves (<c>w &amp; 2047</c>) of output pixel <paramref name="index"/>'s weights, zero-padded like <see cref="HighFor"/>.</summary>
    public ReadOnlySpan<short> LowFor(int index) => _low.AsSpan(index * _splitStride, PaddedTaps(_counts[index]));

    /// <summary>The weights that map <paramref name="inSize"/> source pixels onto <paramref name="outSize"/> (whole-image box).</summary>
    public static ResamplingWeights Compute(int inSize, int outSize, ResamplingFilter filter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outSize, 1);

        // Pillow passes the box as floats; a whole-image box is exact in float for any size a decoder accepts.
        var scale = (double)(float)inSize / outSize;
        var filterScale = Math.Max(scale, 1.0);
        var support = filter.Support * filterScale;
        var kernelSize = ((int)Math.Ceiling(support) * 2) + 1;
        var weights = new ResamplingWeights(outSize, kernelSize);
        var taps = ArrayPool<double>.Shared.Rent(kernelSize);
        try
        {
            for (var index = 0; index < outSize; index++)
            {
                var center = (index + 0.5) * scale;
                var inverseScale = 1.0 / filterScale;
                // (int) truncates toward zero as C's cast does; Pillow rounds the window ends this way.
                var first = Math.Max(0, (int)(center - support + 0.5));
                var count = Math.Min(inSize, (int)(center + support + 0.5)) - first;
                var total = 0.0;
                for (var tap = 0; tap < count; tap++)
                {
                    var weight = filter.Weight((tap + first - center + 0.5) * inverseScale);
                    taps[tap] = weight;
                    total += weight;
                }

                var target = weights._weights.AsSpan(index * weights._stride, count);
                var high = weights._high.AsSpan(index * weights._splitStride, weights._splitStride);
                var low = weights._low.AsSpan(index * weights._splitStride, weights._splitStride);
                high.Clear();
                low.Clear();
                for (var tap = 0; tap < count; tap++)
                {
                    var normalised = total != 0.0 ? taps[tap] / total : taps[tap];
                    target[tap] = ToFixedPoint(normalised);
                    high[tap] = (short)(target[tap] >> LowBits);
                    low[tap] = (short)(target[tap] & ((1 << LowBits) - 1));
                }

                weights._firsts[index] = first;
                weights._counts[index] = count;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(taps);
        }

        return weights;
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_firsts);
        ArrayPool<int>.Shared.Return(_counts);
        ArrayPool<int>.Shared.Return(_weights);
        ArrayPool<short>.Shared.Return(_high);
        ArrayPool<short>.Shared.Return(_low);
    }

    private static int PaddedTaps(int taps) => (taps + SplitBlock - 1) / SplitBlock * SplitBlock;

    // Rounds half away from zero, then truncates: Pillow's (int)(±0.5 + w · 2²²).
    private static int ToFixedPoint(double weight) =>
        weight < 0 ? (int)(-0.5 + (weight * (1 << PrecisionBits))) : (int)(0.5 + (weight * (1 << PrecisionBits)));
}
