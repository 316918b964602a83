using OpenCvSharp;
using Refinery.Operators.Augmentation;

namespace Refinery.Operators.Tests.Augmentation;

/// <summary>AddNoise on a flat gray image: the added noise has the requested distribution.</summary>
public sealed class NoiseGoldenTests
{
    private const int Side = 256;
    private const byte Gray = 128;
    private static readonly AddNoiseOperator _noise = new();

    private static (double Mean, double Deviation) AddedStatistics(AddNoiseOperator.Drawn drawn, byte gray = Gray)
    {
        using var image = AugmentationSamples.Uniform(Side, Side, gray);
        using var output = _noise.ApplyToImage(image, drawn);
        using var difference = new Mat();
        output.ConvertTo(difference, MatType.CV_64FC3, 1, -gray);
        using var flat = difference.Reshape(1);
        Cv2.MeanStdDev(flat, out var mean, out var deviation);
        return (mean.Val0, deviation.Val0);
    }

    private static AddNoiseOperator.Drawn Drawn(AddNoiseOperator.Kind kind, double loc = 0, double scale = 1, double lam = 2, double p = 0.01) =>
        new(kind, loc, scale, lam, p, NoiseSeed: 12345);

    [Fact]
    public void Gaussian_noise_has_the_requested_mean_and_deviation()
    {
        var (mean, deviation) = AddedStatistics(Drawn(AddNoiseOperator.Kind.Gauss, loc: 5, scale: 10));

        Assert.InRange(mean, 4.9, 5.1);
        Assert.InRange(deviation, 9.9, 10.1);
    }

    [Fact]
    public void Laplace_noise_has_the_requested_mean_and_a_deviation_of_scale_times_root_2()
    {
        var (mean, deviation) = AddedStatistics(Drawn(AddNoiseOperator.Kind.Laplace, loc: -3, scale: 6));

        Assert.InRange(mean, -3.1, -2.9);
        Assert.InRange(deviation, (6 * Math.Sqrt(2)) - 0.15, (6 * Math.Sqrt(2)) + 0.15);
    }

    [Fact]
    public void Poisson_noise_adds_counts_whose_mean_and_variance_are_lambda()
    {
        var (mean, deviation) = AddedStatistics(Drawn(AddNoiseOperator.Kind.Poisson, lam: 4));

        Assert.InRange(mean, 3.95, 4.05);
        Assert.InRange(deviation * deviation, 3.9, 4.1);
    }

    [Fact]
    public void Salt_and_pepper_turns_a_share_p_of_whole_pixels_black_or_white_half_each()
    {
        using var image = AugmentationSamples.Uniform(Side, Side, Gray);
        using var output = _noise.ApplyToImage(image, Drawn(AddNoiseOperator.Kind.SaltAndPepper, p: 0.2));
        var pixels = output.AsSpan<Vec3b>().ToArray();

        Assert.All(pixels, pixel => Assert.True(pixel.Item0 == pixel.Item1 && pixel.Item1 == pixel.Item2));
        Assert.InRange(pixels.Count(pixel => pixel.Item0 == 255) / (double)pixels.Length, 0.095, 0.105);
        Assert.InRange(pixels.Count(pixel => pixel.Item0 == 0) / (double)pixels.Length, 0.095, 0.105);
    }

    [Fact]
    public void Impulse_noise_hits_channel_values_independently()
    {
        using var image = AugmentationSamples.Uniform(Side, Side, Gray);
        using var output = _noise.ApplyToImage(image, Drawn(AddNoiseOperator.Kind.Impulse, p: 0.2));
        var values = output.AsSpan<byte>().ToArray();
        var pixels = output.AsSpan<Vec3b>().ToArray();

        Assert.InRange(values.Count(value => value != Gray) / (double)values.Length, 0.19, 0.21);
        Assert.Contains(pixels, pixel => pixel.Item0 != pixel.Item1 || pixel.Item1 != pixel.Item2);
    }

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(0.975, 1.959963985)]
    [InlineData(0.001, -3.090232306)]
    [InlineData(0.99999, 4.264890794)]
    public void The_normal_quantile_matches_reference_values(double probability, double expected) =>
        Assert.Equal(expected, NormalQuantile.At(probability), 6);
}
