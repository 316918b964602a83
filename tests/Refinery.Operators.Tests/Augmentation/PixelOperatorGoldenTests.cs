using OpenCvSharp;
using Refinery.Operators.Augmentation;

namespace Refinery.Operators.Tests.Augmentation;

/// <summary>Pixel-only operators on small images made here, checked against expected pixels or statistics.</summary>
public sealed class PixelOperatorGoldenTests
{
    private static Mat Ramp(int low = 0, int high = 255)
    {
        var image = new Mat(4, 256, MatType.CV_8UC3);
        for (var column = 0; column < 256; column++)
        {
            var value = low + ((high - low) * column / 255);
            Cv2.Line(image, new Point(column, 0), new Point(column, 3), Scalar.All(value));
        }

        return image;
    }

    private static byte At(Mat image, int column) => image.At<Vec3b>(0, column).Item0;

    [Fact]
    public void Grayscale_gives_equal_channels_with_bt601_luminance()
    {
        using var image = new Mat(2, 2, MatType.CV_8UC3, new Scalar(255, 0, 0));
        image.Set(1, 1, new Vec3b(0, 0, 255));

        using var output = new GrayscaleOperator().ApplyToImage(image, NoParameters.Instance);

        Assert.Equal(new Vec3b(29, 29, 29), output.At<Vec3b>(0, 0));
        Assert.Equal(new Vec3b(76, 76, 76), output.At<Vec3b>(1, 1));
    }

    [Fact]
    public void HistogramEqual_spreads_a_narrow_lightness_range_flat_over_0_to_255()
    {
        using var image = Ramp(100, 140);

        using var output = new HistogramEqualOperator().ApplyToImage(image, NoParameters.Instance);

        using var lab = new Mat();
        Cv2.CvtColor(output, lab, ColorConversionCodes.BGR2Lab);
        var lightness = lab.Split()[0].AsSpan<byte>().ToArray();
        Assert.True(lightness.Max() - lightness.Min() >= 240, $"range {lightness.Min()}..{lightness.Max()}");

        // Flat: the share of pixels below v tracks v/255 (41 input levels make the steps coarse).
        foreach (var level in new[] { 64, 128, 192 })
        {
            Assert.InRange(lightness.Count(value => value < level) / (double)lightness.Length, (level / 255.0) - 0.06, (level / 255.0) + 0.06);
        }
    }

    [Theory]
    [InlineData(LightContrastOperator.Function.Gamma, 1.5, 0)]
    [InlineData(LightContrastOperator.Function.Sigmoid, 5.5, 0.4)]
    [InlineData(LightContrastOperator.Function.Log, 0.8, 0)]
    [InlineData(LightContrastOperator.Function.Linear, 1.3, 0)]
    public void LightContrast_maps_every_value_by_imgaugs_formula(LightContrastOperator.Function function, double strength, double cutoff)
    {
        using var image = Ramp();
        Func<double, double> formula = function switch
        {
            LightContrastOperator.Function.Gamma => v => 255 * Math.Pow(v / 255, strength),
            LightContrastOperator.Function.Sigmoid => v => 255 / (1 + Math.Exp(strength * (cutoff - (v / 255)))),
            LightContrastOperator.Function.Log => v => 255 * strength * Math.Log2(1 + (v / 255)),
            _ => v => 127 + (strength * (v - 127)),
        };

        using var output = new LightContrastOperator().ApplyToImage(image, new LightContrastOperator.Drawn(function, strength, cutoff));

        for (var value = 0; value < 256; value++)
        {
            Assert.Equal((byte)Math.Clamp(Math.Round(formula(value)), 0, 255), At(output, value));
        }
    }

    [Fact]
    public void LightArithmetic_applies_gain_and_offset_with_saturation()
    {
        using var image = Ramp();

        using var output = new LightArithmeticOperator().ApplyToImage(image, new LightArithmeticOperator.Drawn(1.2, -20));

        Assert.Equal(0, At(output, 10));
        Assert.Equal(100, At(output, 100));
        Assert.Equal(255, At(output, 250));
    }

    [Fact]
    public void Saturation_leaves_gray_gray_and_scales_colour_saturation()
    {
        using var gray = AugmentationSamples.Uniform(4, 4, 90);
        using var red = new Mat(4, 4, MatType.CV_8UC3, new Scalar(60, 60, 200));
        var saturation = new SaturationOperator();
        var drawn = new SaturationOperator.Drawn(HueDegrees: 0, SaturationGain: 0.5);

        using var grayOut = saturation.ApplyToImage(gray, drawn);
        using var redOut = saturation.ApplyToImage(red, drawn);

        Assert.Equal(new Vec3b(90, 90, 90), grayOut.At<Vec3b>(1, 1));
        var pixel = redOut.At<Vec3b>(1, 1);
        Assert.InRange(pixel.Item2, 198, 202);
        Assert.InRange(pixel.Item0, 125, 135); // S 0.7 → 0.35: the other channels rise to 200·(1 − 0.35)
        Assert.Equal(pixel.Item0, pixel.Item1);
    }

    [Fact]
    public void Blur_keeps_a_flat_image_flat_and_averages_a_checkerboard_to_its_mean()
    {
        using var flat = AugmentationSamples.Uniform(16, 16, 77);
        using var checkerboard = new Mat(16, 16, MatType.CV_8UC3, Scalar.All(0));
        for (var row = 0; row < 16; row++)
        {
            for (var column = (row % 2) + 0; column < 16; column += 2)
            {
                checkerboard.Set(row, column, new Vec3b(200, 200, 200));
            }
        }

        var blur = new BlurOperator();
        using var flatOut = blur.ApplyToImage(flat, new BlurOperator.Drawn(BlurOperator.Kind.Gauss, 2.5));
        using var averaged = blur.ApplyToImage(checkerboard, new BlurOperator.Drawn(BlurOperator.Kind.Average, 2));

        Assert.All(flatOut.AsSpan<byte>().ToArray(), value => Assert.Equal(77, value));
        Assert.Equal(new Vec3b(100, 100, 100), averaged.At<Vec3b>(8, 8));
    }

    [Fact]
    public void MotionBlur_kernels_sum_to_one_and_leave_a_flat_image_flat()
    {
        var random = AugmentationSamples.Random();
        var motion = new MotionBlurOperator();
        using var flat = AugmentationSamples.Uniform(16, 16, 150);
        for (var draw = 0; draw < 20; draw++)
        {
            var drawn = motion.Draw(NoParameters.Instance, flat.Size(), random);
            using var kernel = MotionBlurOperator.Kernel(drawn);
            using var output = motion.ApplyToImage(flat, drawn);

            Assert.Equal(1, Cv2.Sum(kernel).Val0, 4);
            Assert.All(output.AsSpan<byte>().ToArray(), value => Assert.Equal(150, value));
        }
    }

    [Fact]
    public void MotionBlur_with_angle_0_smears_a_dot_along_one_line()
    {
        using var dot = AugmentationSamples.Uniform(9, 9, 0);
        dot.Set(4, 4, new Vec3b(210, 210, 210));

        using var output = new MotionBlurOperator().ApplyToImage(dot, new MotionBlurOperator.Drawn(KernelSize: 7, Degrees: 0, Direction: 0));

        var lit = Enumerable.Range(0, 81).Where(index => output.At<Vec3b>(index / 9, index % 9).Item0 > 0).ToList();
        Assert.Equal(7, lit.Count);
        Assert.Single(lit.Select(index => index % 9).Distinct());
    }

    [Fact]
    public void Sharpen_overshoots_at_an_edge_and_keeps_flat_areas_at_lightness_1()
    {
        using var edge = new Mat(8, 8, MatType.CV_8UC3, Scalar.All(100));
        using var right = new Mat(edge, new Rect(4, 0, 4, 8));
        right.SetTo(Scalar.All(150));

        using var output = new SharpenOperator().ApplyToImage(edge, new SharpenOperator.Drawn(Alpha: 0.2, Lightness: 1));

        Assert.Equal(100, output.At<Vec3b>(4, 1).Item0);
        Assert.True(output.At<Vec3b>(4, 3).Item0 < 100, "the dark side of the edge darkens");
        Assert.True(output.At<Vec3b>(4, 4).Item0 > 150, "the bright side of the edge brightens");
    }

    [Fact]
    public void CutOut_fills_exactly_its_square_with_gray_128_clipped_to_the_image()
    {
        using var image = AugmentationSamples.Uniform(20, 10, 0);

        using var output = new CutOutOperator().ApplyToImage(image, new CutOutOperator.Drawn(Left: 17, Top: -1, Side: 4));

        var filled = Enumerable.Range(0, 200).Where(index => output.At<Vec3b>(index / 20, index % 20).Item0 == 128)
            .Select(index => (Row: index / 20, Column: index % 20)).ToList();
        Assert.Equal([(0, 17), (0, 18), (0, 19), (1, 17), (1, 18), (1, 19), (2, 17), (2, 18), (2, 19)], filled);
    }

    [Fact]
    public void CutOut_draws_a_square_of_a_fifth_of_the_shorter_side()
    {
        var drawn = new CutOutOperator().Draw(NoParameters.Instance, new Size(100, 50), AugmentationSamples.Random());

        Assert.Equal(10, drawn.Side);
    }

    [Theory]
    [InlineData(WeatherOperator.Mode.Rain)]
    [InlineData(WeatherOperator.Mode.Snow)]
    [InlineData(WeatherOperator.Mode.Fog)]
    [InlineData(WeatherOperator.Mode.Clouds)]
    public void Weather_only_lightens_and_changes_a_visible_part_of_the_image(WeatherOperator.Mode mode)
    {
        using var image = TestSupport.PhotoLikeImages.Create(5, 160, 120);
        var weather = new WeatherOperator();

        using var output = weather.ApplyToImage(image, weather.Draw(mode, image.Size(), AugmentationSamples.Random()));

        var before = AugmentationSamples.Bytes(image);
        var after = AugmentationSamples.Bytes(output);
        Assert.All(Enumerable.Range(0, before.Length), index => Assert.True(after[index] >= before[index]));
        Assert.True(Enumerable.Range(0, before.Length).Count(index => after[index] > before[index] + 10) > before.Length / 100);
    }
}
