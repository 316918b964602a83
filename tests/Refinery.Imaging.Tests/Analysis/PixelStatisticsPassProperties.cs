using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenCvSharp;
using Refinery.Imaging.Analysis;

namespace Refinery.Imaging.Tests.Analysis;

/// <summary>
/// The one-pass statistics against the straightforward definitions: per-pixel brightness √(0.241R² + 0.691G² + 0.068B²)
/// in double precision, sorted, numpy-linear percentiles; PIL's entropy from per-band counts.
/// </summary>
public sealed class PixelStatisticsPassProperties
{
    // Full-range bytes spread the keys over many coarse bins; a few levels make long runs of tied keys, and percentile
    // ranks that fall inside one bin together.
    private static readonly Gen<PixelCase> _cases = PixelCase.Generate(70, 30);

    [Property(MaxTest = 300)]
    public Property Percentiles_are_exactly_the_sorted_reference() =>
        Prop.ForAll(_cases.ToArbitrary(), c =>
        {
            using var image = c.ToMat();
            var sorted = Brightness(c).Order().ToArray();

            var statistics = PixelStatisticsPass.Measure(image);

            return statistics.BrightnessPercentile5 == NumpyPercentile(sorted, 5) / 255
                && statistics.BrightnessPercentile99 == NumpyPercentile(sorted, 99) / 255;
        });

    [Property(MaxTest = 300)]
    public Property Mean_brightness_and_entropy_equal_the_reference() =>
        Prop.ForAll(_cases.ToArbitrary(), c =>
        {
            using var image = c.ToMat();

            var statistics = PixelStatisticsPass.Measure(image);

            var mean = Brightness(c).Average() / 255;
            return Math.Abs(statistics.Brightness - mean) <= 1e-6 * Math.Max(mean, 1e-3)
                && Math.Abs(statistics.Entropy - Entropy(c)) <= 1e-12
                && Math.Abs(statistics.Entropy - OpenCvReferenceKernels.Entropy(image)) <= 1e-12;
        });

    [Property(MaxTest = 200)]
    public Property Values_agree_with_the_float_brightness_map_to_its_rounding() =>
        Prop.ForAll(_cases.ToArbitrary(), c =>
        {
            using var image = c.ToMat();
            using var map = OpenCvReferenceKernels.BrightnessMap(image);
            var (p5, p99) = OpenCvReferenceKernels.BrightnessPercentiles(map);

            var statistics = PixelStatisticsPass.Measure(image);

            return Math.Abs(statistics.BrightnessPercentile5 - p5) < 1e-6
                && Math.Abs(statistics.BrightnessPercentile99 - p99) < 1e-6
                && Math.Abs(statistics.Brightness - OpenCvReferenceKernels.Brightness(map)) < 1e-6;
        });

    [Property(MaxTest = 200)]
    public Property Mean_brightness_of_a_region_is_the_mean_over_its_pixels() =>
        Prop.ForAll(
            _cases.SelectMany(c =>
                from left in Gen.Choose(0, c.Width - 1)
                from top in Gen.Choose(0, c.Height - 1)
                from width in Gen.Choose(1, c.Width - left)
                from height in Gen.Choose(1, c.Height - top)
                select (Case: c, Region: new Rect(left, top, width, height))).ToArbitrary(),
            input =>
            {
                var (c, region) = input;
                using var image = c.ToMat();
                var brightness = Brightness(c);
                var inRegion = Enumerable.Range(region.Top, region.Height)
                    .SelectMany(y => Enumerable.Range(region.Left, region.Width).Select(x => brightness[(y * c.Width) + x]));

                var mean = inRegion.Average() / 255;

                return Math.Abs(PixelStatisticsPass.MeanBrightness(image, region) - mean) <= 1e-6 * Math.Max(mean, 1e-3);
            });

    [Property(MaxTest = 200)]
    public Property Vectorised_keys_equal_the_per_pixel_key(byte[] row)
    {
        var bgr = TestImages.WholePixels(row, 3);
        var keys = new int[bgr.Length / 3];

        SquaredBrightness.Row(bgr, keys);

        return keys.Select((key, x) => key == SquaredBrightness.Of(bgr[3 * x], bgr[(3 * x) + 1], bgr[(3 * x) + 2])).All(equal => equal).ToProperty();
    }

    [Fact]
    public void A_mid_grey_colour_image_has_the_grey_as_every_statistic()
    {
        using var image = TestImages.UniformGrey(37, 5, 128);

        var statistics = PixelStatisticsPass.Measure(image);

        Assert.Equal(128 / 255.0, statistics.BrightnessPercentile5);
        Assert.Equal(128 / 255.0, statistics.BrightnessPercentile99);
        Assert.Equal(128 / 255.0, statistics.Brightness, 6);
        Assert.Equal(Math.Log2(3), statistics.Entropy, 12);
    }

    private static double[] Brightness(PixelCase c) =>
        [.. Enumerable.Range(0, c.Width * c.Height).Select(i => c.Channels == 1
            ? c.Pixels[i]
            : Math.Sqrt(((241.0 * c.Pixels[(3 * i) + 2] * c.Pixels[(3 * i) + 2]) + (691.0 * c.Pixels[(3 * i) + 1] * c.Pixels[(3 * i) + 1]) + (68.0 * c.Pixels[3 * i] * c.Pixels[3 * i])) / 1000))];

    private static double NumpyPercentile(double[] sorted, double percentile)
    {
        var position = (sorted.Length - 1) * percentile / 100;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    private static double Entropy(PixelCase c)
    {
        var entropy = 0.0;
        double total = c.Pixels.Length;
        for (var channel = 0; channel < c.Channels; channel++)
        {
            var counts = new int[256];
            for (var i = channel; i < c.Pixels.Length; i += c.Channels)
            {
                counts[c.Pixels[i]]++;
            }

            foreach (var count in counts.Where(count => count > 0))
            {
                entropy -= count / total * Math.Log2(count / total);
            }
        }

        return entropy;
    }
}
