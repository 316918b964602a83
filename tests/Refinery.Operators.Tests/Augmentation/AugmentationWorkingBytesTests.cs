using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenCvSharp;
using Refinery.Formats.Voc;
using Refinery.Imaging;
using Refinery.Operators.Augmentation;

namespace Refinery.Operators.Tests.Augmentation;

/// <summary>
/// Each operator's bound of the bytes it holds (<see cref="PreparedAugmentation.WorkingBytes"/>) against what it
/// really allocates: its output and the full-size intermediates its code keeps beside it, measured on the images it
/// makes, and its encoding, measured on noise, the picture that compresses least.
/// </summary>
public sealed class AugmentationWorkingBytesTests
{
    /// <summary>Every operator, and the parameters that grow or shrink the canvas most.</summary>
    private static readonly (string Name, string Json)[] _configurations =
    [
        .. AugmentationOperators.Names.Select(name => (name, "{}")),
        ("AddNoise", """{"noise_type": "Poisson"}"""), ("AddNoise", """{"noise_type": "SaltAndPepper"}"""), ("Blur", """{"blur_type": "Average"}"""),
        ("Weather", """{"weather_mode": "Fog"}"""), ("Weather", """{"weather_mode": "Snow"}"""), ("Weather", """{"weather_mode": "Clouds"}"""),
        ("Resize", """{"width": 300, "height": 7}"""), ("Resize", """{"width": 1, "height": 1}"""), ("Padding", """{"px_top": 90, "px_left": 40}"""),
        ("Crop", """{"crop_percent_min": 0.4, "crop_percent_max": 0.49}"""), ("Scale", """{"scale_min": 5, "scale_max": 10}"""),
    ];

    /// <summary>Full-size 8-bit BGR images each pixel operator's code holds at once, its output included.</summary>
    private static readonly Dictionary<string, double> _imagesHeld = new(StringComparer.Ordinal)
    {
        ["AddNoise"] = 1,
        ["Blur"] = 1,
        ["CutOut"] = 1,
        ["Grayscale"] = 1 + (1 / 3.0),
        ["HistogramEqual"] = 2,
        ["LightArithmetic"] = 1,
        ["LightContrast"] = 1,
        ["MotionBlur"] = 1,
        ["Saturation"] = 2,
        ["Sharpen"] = 1,
        ["Weather"] = 3,
    };

    [Property(MaxTest = 25)]
    public Property The_bound_covers_the_output_encoded_three_times_over_and_the_output_has_the_size_it_promised(int seed, PositiveInt width, PositiveInt height)
    {
        // From 8 px: Crop at its largest fractions leaves nothing of a smaller side.
        var (w, h) = (8 + (width.Get % 120), 8 + (height.Get % 120));
        using var image = AugmentationSamples.RandomImage(seed, w, h);
        var failures = new List<string>();
        foreach (var (name, json) in _configurations)
        {
            var prepared = AugmentationSamples.Parse(name, json).Prepare(image.Size(), image.Type(), [], AugmentationSamples.Random(seed));
            using var result = prepared.Apply(image);
            var output = result.Image!;
            var encoded = Math.Max(ImageEncoder.Encode(output, ImageFormat.Jpeg).Length, ImageEncoder.Encode(output, ImageFormat.Png).Length);
            var measured = Bytes(output) + (3L * encoded);
            if (prepared.WorkingBytes < measured)
            {
                failures.Add($"{name} {json} on {w}x{h}: bound {prepared.WorkingBytes} < output and 3 encodings {measured}");
            }
        }

        return (failures.Count == 0).Label(string.Join("; ", failures));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(640, 480)]
    [InlineData(37, 1001)]
    public void A_pixel_operator_bound_covers_every_image_its_code_holds_at_once(int width, int height)
    {
        using var image = AugmentationSamples.RandomImage(width, width, height);
        foreach (var (name, json) in _configurations.Where(configuration => _imagesHeld.ContainsKey(configuration.Name)))
        {
            var prepared = AugmentationSamples.Parse(name, json).Prepare(image.Size(), image.Type(), [], AugmentationSamples.Random());
            using var result = prepared.Apply(image);
            var held = (long)Math.Ceiling(_imagesHeld[name] * Bytes(result.Image!));
            Assert.True(prepared.WorkingBytes >= held + PixelBytes.OpenCvWorkspace(image.Size(), image.Size()), $"{name} {json}: {prepared.WorkingBytes} < {held} held");
            Assert.Equal(image.Size(), result.Size);
        }
    }

    [Theory]
    [InlineData(WeatherOperator.Mode.Rain)]
    [InlineData(WeatherOperator.Mode.Fog)]
    [InlineData(WeatherOperator.Mode.Snow)]
    [InlineData(WeatherOperator.Mode.Clouds)]
    public void Weather_counts_its_rendered_layer_the_inverted_image_and_the_output(WeatherOperator.Mode mode)
    {
        var size = new Size(300, 200);
        var drawn = new WeatherOperator.Drawn(mode, 0.5, 10, 7);
        using var layer = WeatherLayers.Render(size, drawn);

        Assert.True(new WeatherOperator().ApplyBytes(size, drawn) >= 3 * Bytes(layer));
    }

    [Theory]
    [InlineData(MatType.CV_8U, 1)]
    [InlineData(MatType.CV_8U, 4)]
    [InlineData(MatType.CV_16U, 1)]
    [InlineData(MatType.CV_16U, 3)]
    [InlineData(MatType.CV_16U, 4)]
    public void The_BGR_copy_of_another_layout_is_counted_with_its_8_bit_step(int depth, int channels)
    {
        using var image = new Mat(45, 70, MatType.MakeType(depth, channels), Scalar.All(100));
        using var converted = BgrImage.From(image)!;
        var eightBitStep = image.Depth() == MatType.CV_8U ? 0 : image.Total() * image.Channels();

        Assert.True(PixelBytes.BgrConversion(image.Size(), image.Type()) >= Bytes(converted) + eightBitStep);
        Assert.Equal(0, PixelBytes.BgrConversion(image.Size(), MatType.CV_8UC3));
    }

    [Fact]
    public void A_Resize_is_bounded_by_its_target_not_its_input()
    {
        var augmentation = AugmentationSamples.Parse("Resize", """{"width": 16384, "height": 16384}""");

        var prepared = augmentation.Prepare(new Size(10, 10), MatType.CV_8UC3, [], AugmentationSamples.Random());

        Assert.True(prepared.WorkingBytes > 16384L * 16384 * 3, $"{prepared.WorkingBytes}");
    }

    [Fact]
    public void A_dropped_image_needs_no_memory_and_is_applied_without_pixel_work()
    {
        using var image = AugmentationSamples.Uniform(100, 100, 50);
        var augmentation = AugmentationSamples.Parse("Rotate", """{"angle_min": 45, "angle_max": 45}""");

        var prepared = augmentation.Prepare(image.Size(), image.Type(), [new VocBox(0, 0, 100, 100)], AugmentationSamples.Random());
        using var result = prepared.Apply(image);

        Assert.Equal((true, 0L, true), (prepared.Dropped, prepared.WorkingBytes, result.Dropped));
        Assert.Null(result.Image);
    }

    [Fact]
    public void Applying_to_another_image_than_the_one_prepared_for_is_refused()
    {
        using var image = AugmentationSamples.Uniform(100, 80, 50);
        var prepared = AugmentationSamples.Parse("Blur").Prepare(new Size(80, 100), MatType.CV_8UC3, [], AugmentationSamples.Random());

        Assert.Throws<ArgumentException>(() => prepared.Apply(image));
    }

    private static long Bytes(Mat image) => image.Total() * image.ElemSize();
}
