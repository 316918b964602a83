using OpenCvSharp;
using Refinery.Imaging.Analysis;

namespace Refinery.Imaging.Tests.Analysis;

public sealed class ImageFeatureKernelsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(77)]
    [InlineData(128)]
    [InlineData(255)]
    public void Uniform_grey_has_its_own_brightness_and_no_clarity_saturation_or_colourfulness(byte grey)
    {
        using var image = TestImages.UniformGrey(300, 200, grey);

        var analysis = TestImages.Analyse(image);

        // 0.241 + 0.691 + 0.068 = 1, so sqrt(Σ w·v²) = v for R = G = B = v.
        Assert.Equal(grey / 255.0, analysis.Brightness, 5);
        Assert.Equal(0, analysis.Clarity!.Value, 9);
        Assert.Equal(0, analysis.Saturation!.Value, 9);
        Assert.Equal(0, analysis.Colorfulness!.Value, 4);
    }

    [Fact]
    public void Pure_red_has_full_saturation_and_the_closed_form_colourfulness()
    {
        using var image = TestImages.Uniform(64, 64, 0, 0, 255);

        var analysis = TestImages.Analyse(image);

        // rg = 255, yb = 127.5 everywhere: σ = 0, C = 0.3·sqrt(255² + 127.5²).
        Assert.Equal(255, analysis.Saturation!.Value, 6);
        Assert.Equal(0.3 * Math.Sqrt((255.0 * 255) + (127.5 * 127.5)), analysis.Colorfulness!.Value, 3);
    }

    [Fact]
    public void A_checkerboard_is_far_sharper_than_the_same_checkerboard_blurred()
    {
        using var sharp = TestImages.Checkerboard(512, 512, 8);
        using var blurred = new Mat();
        Cv2.GaussianBlur(sharp, blurred, new Size(0, 0), 6);

        var sharpClarity = TestImages.Analyse(sharp).Clarity!.Value;
        var blurredClarity = TestImages.Analyse(blurred).Clarity!.Value;

        Assert.True(sharpClarity > 10_000, $"checkerboard clarity {sharpClarity}");
        Assert.True(blurredClarity < sharpClarity / 50, $"blurred {blurredClarity} vs sharp {sharpClarity}");
    }

    [Fact]
    public void A_four_to_one_canvas_has_aspect_ratio_four_and_its_pixel_count_as_resolution()
    {
        using var image = TestImages.UniformGrey(800, 200, 90);

        var analysis = TestImages.Analyse(image);

        Assert.Equal(4.0, analysis.AspectRatio);
        Assert.Equal(160_000, analysis.Resolution);
    }

    [Fact]
    public void Resolution_is_that_of_the_original_image_not_the_working_image()
    {
        using var image = TestImages.Scene(1600, 1000);

        var analysis = TestImages.Analyse(TestImages.Jpeg(image));

        Assert.Equal(1_600_000, analysis.Resolution);
        Assert.Equal((1600, 1000), (analysis.Width, analysis.Height));
    }

    [Fact]
    public void Clarity_of_a_large_image_is_measured_at_a_long_side_of_512()
    {
        using var large = TestImages.Checkerboard(1024, 1024, 16);
        using var half = new Mat();
        Cv2.Resize(large, half, new Size(512, 512), 0, 0, InterpolationFlags.Area);

        Assert.Equal(ImageFeatureKernels.Clarity(half), ImageFeatureKernels.Clarity(large), 6);
    }
}
