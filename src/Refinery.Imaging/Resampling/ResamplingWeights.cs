using System.Buffers;

namespace Refinery.Imaging.Resampling;

/// <summary>
/// Pillow's per-output-pixel convolution weights along one axis (Resample.c <c>precompute_coeffs</c> and
/// <c>normalize_coeffs_8bpc</c>): the first source pixel and the tap count of each output pixel, and the weights in
/// fixed point with <see cref="PrecisionBits"/> fraction bits. Each weight is repeated once per channel so that an
/// interleaved row is a plain dot product. The arrays are pooled: dispose the instance.
/// </summary>
public sealed class ResamplingWeights : IDisposable
{
    /// <summary>32 − 8 − 2: an 8-bit result plus two bits of headroom for negative lobes and sums above 1.</summary>
    public const int PrecisionBits = 22;

    private readonly int[] _firsts;
    private readonly int[] _counts;
    private readonly int[] _weights;
    private readonly int _stride;

    private ResamplingWeights(int outSize, int kernelSize, int channels)
    {
        OutSize = outSize;
        Channels = channels;
        _stride = kernelSize * channels;
        _firsts = ArrayPool<int>.Shared.Rent(outSize);
        _counts = ArrayPool<int>.Shared.Rent(outSize);
        _weights = ArrayPool<int>.Shared.Rent(outSize * _stride);
    }

    public int OutSize { get; }

    public int Channels { get; }

    /// <summary>The first source pixel output pixel <paramref name="index"/> reads.</summary>
    public int First(int index) => _firsts[index];

    /// <summary>How many source pixels output pixel <paramref name="index"/> reads.</summary>
    public int Count(int index) => _counts[index];

    /// <summary>The fixed-point weights of output pixel <paramref name="index"/>, each repeated <see cref="Channels"/> times.</summary>
    public ReadOnlySpan<int> For(int index) => _weights.AsSpan(index * _stride, _counts[index] * Channels);

    /// <summary>The weights that map <paramref name="inSize"/> source pixels onto <paramref name="outSize"/> (whole-image box).</summary>
    public static ResamplingWeights Compute(int inSize, int outSize, ResamplingFilter filter, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);

        // Pillow passes the box as floats; a whole-image box is exact in float for any size a decoder accepts.
        var scale = (double)(float)inSize / outSize;
        var filterScale = Math.Max(scale, 1.0);
        var support = filter.Support * filterScale;
        var kernelSize = ((int)Math.Ceiling(support) * 2) + 1;
        var weights = new ResamplingWeights(outSize, kernelSize, channels);
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

                var target = weights._weights.AsSpan(index * weights._stride, count * channels);
                for (var tap = 0; tap < count; tap++)
                {
                    var normalised = total != 0.0 ? taps[tap] / total : taps[tap];
                    target.Slice(tap * channels, channels).Fill(ToFixedPoint(normalised));
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
    }

    // Rounds half away from zero, then truncates: Pillow's (int)(±0.5 + w · 2²²).
    private static int ToFixedPoint(double weight) =>
        weight < 0 ? (int)(-0.5 + (weight * (1 << PrecisionBits))) : (int)(0.5 + (weight * (1 << PrecisionBits)));
}
