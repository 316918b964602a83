using OpenCvSharp;
using Refinery.Imaging.Analysis;
using Refinery.Imaging.Tests.Resampling;

namespace Refinery.Imaging.Tests.Analysis;

/// <summary>The palette rule (README, "Choices"): a palette image is measured on the colours it displays, not its indices.</summary>
public sealed class PaletteImageTests
{
    // A 16-colour palette PNG of coloured boxes and lines on white, like most documentation figures.
    private const string Figure = "palette_640x360.png";

    [Fact]
    public void A_palette_image_scores_as_the_rgb_image_it_displays()
    {
        var palette = PillowReference.ImageBytes(Figure);
        using var displayed = Cv2.ImDecode(palette, ImreadModes.Color);

        var asPalette = TestImages.Analyse(palette);
        var asRgb = TestImages.Analyse(TestImages.Png(displayed));

        Assert.Equal(asRgb.Quality, asPalette.Quality);
        Assert.Equal(asRgb.PerceptualHash, asPalette.PerceptualHash);
        Assert.Equal(asRgb.Brightness, asPalette.Brightness);
    }

    [Fact]
    public void A_white_background_palette_figure_is_not_dark()
    {
        // cleanvision reads this file's palette indices (white is a low index) and scores it 0.039: flagged dark.
        var analysis = TestImages.Analyse(PillowReference.ImageBytes(Figure));

        Assert.False(QualityChecks.Dark.IsFlagged(analysis.Quality.Dark), $"dark score {analysis.Quality.Dark}");
        Assert.Equal(1.0, analysis.Quality.Dark, 6);
    }
}
