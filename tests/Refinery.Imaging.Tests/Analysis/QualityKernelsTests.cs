using FsCheck;
using FsCheck.Xunit;
using OpenCvSharp;
using Refinery.Imaging.Analysis;

namespace Refinery.Imaging.Tests.Analysis;

public sealed class QualityKernelsTests
{
    [Fact]
    public void A_dark_image_is_flagged_dark_and_not_light()
    {
        using var image = TestImages.UniformGrey(200, 200, 40);

        var quality = TestImages.Analyse(image).Quality;

        Assert.Equal(40 / 255.0, quality.Dark, 5);
        Assert.True(QualityChecks.Dark.IsFlagged(quality.Dark));
        Assert.False(QualityChecks.Light.IsFlagged(quality.Light));
    }

    [Fact]
    public void A_white_image_is_flagged_light_and_not_dark()
    {
        using var image = TestImages.UniformGrey(200, 200, 255);

        var quality = TestImages.Analyse(image).Quality;

        Assert.Equal(0, quality.Light, 5);
        Assert.True(QualityChecks.Light.IsFlagged(quality.Light));
        Assert.False(QualityChecks.Dark.IsFlagged(quality.Dark));
    }

    [Fact]
    public void Brightness_percentiles_interpolate_like_numpy()
    {
        // 100 pixels: 90 black, 10 white. numpy: p99 at position 98.01 → 1.0; p5 at 4.95 → 0.
        using var image = TestImages.UniformGrey(10, 10, 0);
        Cv2.Rectangle(image, new Rect(0, 9, 10, 1), Scalar.All(255), -1);
        using var map = OpenCvReferenceKernels.BrightnessMap(image);

        var (p5, p99) = OpenCvReferenceKernels.BrightnessPercentiles(map);

        Assert.Equal(0, p5, 9);
        Assert.Equal(1, p99, 5);
    }

    [Fact]
    public void A_constant_image_is_flagged_low_information()
    {
        using var image = TestImages.Uniform(120, 80, 10, 200, 90);

        var quality = TestImages.Analyse(image).Quality;

        // Three bands, one level each: p = 1/3 three times, entropy log2 3.
        Assert.Equal(0.1 * Math.Log2(3), quality.LowInformation, 6);
        Assert.True(QualityChecks.LowInformation.IsFlagged(quality.LowInformation));
    }

    [Fact]
    public void A_noisy_image_has_high_information()
    {
        using var image = new Mat(128, 128, MatType.CV_8UC3);
        Cv2.Randu(image, Scalar.All(0), Scalar.All(256));

        var quality = TestImages.Analyse(image).Quality;

        // Near-uniform bytes: entropy close to 8 + log2 3 (the three bands concatenated).
        Assert.InRange(quality.LowInformation, 0.95, 0.1 * (8 + Math.Log2(3)));
        Assert.False(QualityChecks.LowInformation.IsFlagged(quality.LowInformation));
    }

    [Fact]
    public void A_blurred_smooth_image_is_flagged_blurry_and_a_sharp_one_is_not()
    {
        using var smooth = TestImages.SmoothPlane(640, 640);
        Cv2.GaussianBlur(smooth, smooth, new Size(0, 0), 5);
        using var sharp = TestImages.SmoothPlane(640, 640);
        using var checkerboard = TestImages.Checkerboard(640, 640, 20);
        Cv2.AddWeighted(sharp, 0.5, checkerboard, 0.5, 0, sharp);

        var blurry = TestImages.Analyse(smooth).Quality.Blurry;
        var notBlurry = TestImages.Analyse(sharp).Quality.Blurry;

        Assert.True(QualityChecks.Blurry.IsFlagged(blurry), $"blurred ramp scored {blurry}");
        Assert.False(QualityChecks.Blurry.IsFlagged(notBlurry), $"sharp image scored {notBlurry}");
    }

    [Fact]
    public void Only_a_one_channel_image_is_grayscale()
    {
        using var grey = new Mat(50, 50, MatType.CV_8UC1, Scalar.All(120));
        using var greyLookingColour = TestImages.UniformGrey(50, 50, 120);

        Assert.Equal(0, TestImages.Analyse(TestImages.Png(grey)).Quality.Grayscale);
        Assert.Equal(1, TestImages.Analyse(TestImages.Png(greyLookingColour)).Quality.Grayscale);
        Assert.True(QualityChecks.Grayscale.IsFlagged(0));
        Assert.False(QualityChecks.Grayscale.IsFlagged(1));
    }

    [Fact]
    public void A_four_to_one_image_has_an_odd_aspect_ratio()
    {
        using var image = TestImages.UniformGrey(400, 100, 100);

        var quality = TestImages.Analyse(image).Quality;

        Assert.Equal(0.25, quality.OddAspectRatio);
        Assert.True(QualityChecks.OddAspectRatio.IsFlagged(quality.OddAspectRatio));
        Assert.Equal(200, quality.SizeValue, 9);
    }

    [Fact]
    public void Odd_size_fences_flag_outliers_beyond_three_iqr()
    {
        var fences = OddSizeFences.FromQuartiles(100, 110); // fences 70 and 140

        Assert.False(fences.IsFlagged(105));
        Assert.False(fences.IsFlagged(139));
        Assert.True(fences.IsFlagged(141));
        Assert.Equal(1, fences.Score(105), 12);
    }

    [Fact]
    public void With_equal_quartiles_any_other_size_is_odd()
    {
        var fences = OddSizeFences.FromQuartiles(100, 100);

        Assert.False(fences.IsFlagged(100));
        Assert.True(fences.IsFlagged(101));
    }

    [Fact]
    public void The_table_holds_the_nine_cleanvision_issue_types_with_their_default_thresholds()
    {
        var thresholds = QualityChecks.All.ToDictionary(check => check.Issue, check => check.DefaultThreshold);

        Assert.Equal(9, thresholds.Count);
        Assert.Equal(0.32, thresholds["dark"]);
        Assert.Equal(0.05, thresholds["light"]);
        Assert.Equal(0.29, thresholds["blurry"]);
        Assert.Equal(0.3, thresholds["low_information"]);
        Assert.Equal(0.35, thresholds["odd_aspect_ratio"]);
        Assert.Equal(0.5, thresholds["odd_size"]);
    }

    [Property]
    public bool Exact_percentiles_equal_the_sorted_array_reference(NonEmptyArray<byte> levels, byte[] fractions, byte percentile)
    {
        var values = levels.Get.Select((level, i) => Math.Min(255f, level + (fractions.Length == 0 ? 0 : fractions[i % fractions.Length] / 256f))).ToArray();
        var p = percentile * 100.0 / 255;

        var actual = ExactPercentiles.Compute(values, [p], 255f)[0];

        var sorted = values.Select(v => (double)v).Order().ToArray();
        var position = (sorted.Length - 1) * p / 100;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        var expected = sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
        return Math.Abs(actual - expected) < 1e-9;
    }
}
