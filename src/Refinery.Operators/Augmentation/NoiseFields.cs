using System.Globalization;
using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// The per-value noise of <c>AddNoise</c>, drawn as 16-bit uniforms from a xoshiro stream of its own, seeded by the
/// drawn <c>NoiseSeed</c> (four values per 64-bit draw), so the whole field is as reproducible as the draw itself.
/// </summary>
public static class NoiseFields
{
    /// <summary>Every channel value plus an offset from <paramref name="table"/>, saturated to 0–255.</summary>
    public static Mat Add(Mat image, NoiseTable table, ulong seed)
    {
        var output = image.Clone();
        var values = output.AsSpan<byte>();
        var random = new UniformStream(seed);
        for (var index = 0; index < values.Length; index++)
        {
            values[index] = (byte)Math.Clamp(values[index] + table[random.Next()], 0, 255);
        }

        return output;
    }

    /// <summary>With probability p a value (or, not per channel, a whole pixel) becomes 255 or 0, half each.</summary>
    public static Mat SaltAndPepper(Mat image, double probability, bool perChannel, ulong seed)
    {
        var output = image.Clone();
        var values = output.AsSpan<byte>();
        var random = new UniformStream(seed);
        var pepperBelow = (int)Math.Round(probability * NoiseTable.Size);
        var saltBelow = pepperBelow / 2;
        var stride = perChannel ? 1 : output.Channels();
        for (var start = 0; start < values.Length; start += stride)
        {
            int uniform = random.Next();
            if (uniform < pepperBelow)
            {
                values.Slice(start, stride).Fill(uniform < saltBelow ? (byte)255 : (byte)0);
            }
        }

        return output;
    }

    /// <summary>16-bit uniforms, four to each draw of a stream derived as ForSample(seed, "noise", 0).</summary>
    private sealed class UniformStream(ulong seed)
    {
        private readonly AugmentationRandom _random = AugmentationRandom.ForSample(seed.ToString(CultureInfo.InvariantCulture), "noise", 0);
        private ulong _bits;
        private int _left;

        public ushort Next()
        {
            if (_left == 0)
            {
                _bits = _random.NextUInt64();
                _left = 4;
            }

            var value = (ushort)_bits;
            _bits >>= 16;
            _left--;
            return value;
        }
    }
}
