using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// The per-value noise of <c>AddNoise</c>. Gaussian and Laplace fields come from OpenCV's cv::RNG (a fixed
/// multiply-with-carry generator, vectorised), seeded from the sample's generator; the others draw 16-bit uniforms
/// from the sample's own xoshiro stream.
/// </summary>
public static class NoiseFields
{
    public static Mat AddGaussian(Mat image, double mean, double deviation, ulong seed)
    {
        using var noise = new Mat(image.Size(), MatType.CV_32FC3);
        var rng = new RNG(seed);
        rng.Fill(noise, DistributionType.Normal, Scalar.All(mean), Scalar.All(deviation));
        return AddField(image, noise);
    }

    /// <summary>Laplace(μ, b) = μ + b·(ln U₁ − ln U₂): the difference of two unit exponentials.</summary>
    public static Mat AddLaplace(Mat image, double mean, double spread, ulong seed)
    {
        using var first = new Mat(image.Size(), MatType.CV_32FC3);
        using var second = new Mat(image.Size(), MatType.CV_32FC3);
        var rng = new RNG(seed);
        rng.Fill(first, DistributionType.Uniform, Scalar.All(float.Epsilon), Scalar.All(1));
        rng.Fill(second, DistributionType.Uniform, Scalar.All(float.Epsilon), Scalar.All(1));
        Cv2.Log(first, first);
        Cv2.Log(second, second);
        Cv2.Subtract(first, second, first);
        first.ConvertTo(first, MatType.CV_32FC3, spread, mean);
        return AddField(image, first);
    }

    public static Mat AddPoisson(Mat image, double lambda, ulong seed)
    {
        var table = new PoissonTable(lambda);
        var random = new UniformStream(seed);
        using var counts = new Mat(image.Size(), MatType.CV_8UC3);
        var values = counts.AsSpan<byte>();
        for (var index = 0; index < values.Length; index++)
        {
            values[index] = table.Sample(random.Next());
        }

        var output = new Mat();
        Cv2.Add(image, counts, output);
        return output;
    }

    /// <summary>With probability p a value (or, not per channel, a whole pixel) becomes 255 or 0, half each.</summary>
    public static Mat SaltAndPepper(Mat image, double probability, bool perChannel, ulong seed)
    {
        var output = image.Clone();
        var values = output.AsSpan<byte>();
        var random = new UniformStream(seed);
        var pepperBelow = (int)Math.Round(probability * 65536);
        var saltBelow = pepperBelow / 2;
        var stride = perChannel ? 1 : output.Channels();
        for (var start = 0; start < values.Length; start += stride)
        {
            int uniform = random.Next();
            if (uniform >= pepperBelow)
            {
                continue;
            }

            values.Slice(start, stride).Fill(uniform < saltBelow ? (byte)255 : (byte)0);
        }

        return output;
    }

    private static Mat AddField(Mat image, Mat noise)
    {
        var output = new Mat();
        Cv2.Add(image, noise, output, null, MatType.CV_8UC3.Value);
        return output;
    }

    /// <summary>16-bit uniforms, four to each xoshiro draw.</summary>
    private sealed class UniformStream(ulong seed)
    {
        private readonly AugmentationRandom _random = AugmentationRandom.ForSample(seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "noise", 0);
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
