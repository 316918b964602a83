using OpenCvSharp;
using Refinery.Imaging.Analysis;
using Refinery.Imaging.Resampling;
using Refinery.Imaging.Tests.Analysis;

namespace Refinery.Imaging.Tests.Resampling;

/// <summary>Refinery against values computed with Pillow 9.4 (Debian's python3-pil) on the committed reference images.</summary>
public sealed class PillowParityTests
{
    public static TheoryData<string> ReferenceImages => [.. PillowReference.Load.Images.Select(image => image.File)];

    public static TheoryData<string, int> ReferenceResizes()
    {
        var resizes = new TheoryData<string, int>();
        foreach (var image in PillowReference.Load.Images)
        {
            for (var index = 0; index < (image.Resizes?.Count ?? 0); index++)
            {
                resizes.Add(image.File, index);
            }
        }

        return resizes;
    }

    [Theory]
    [MemberData(nameof(ReferenceImages))]
    public void The_phash_equals_imagehash_phash(string file)
    {
        var analysis = TestImages.Analyse(PillowReference.ImageBytes(file));

        Assert.Equal(PillowReference.Image(file).Phash, ImageHashes.ToHex(analysis.PerceptualHash));
    }

    [Theory]
    [MemberData(nameof(ReferenceImages))]
    public void The_blurry_score_equals_cleanvisions_on_the_colour_channels_within_1e_6(string file)
    {
        // Palette images count as their displayed RGB and alpha is dropped (README, "Choices"); cleanvision resizes palette
        // indices NEAREST and premultiplies alpha. Every other image is cleanvision's exact input.
        var expected = PillowReference.Image(file).BlurryOnRgb.Score;

        var analysis = TestImages.Analyse(PillowReference.ImageBytes(file));

        Assert.InRange(analysis.Quality.Blurry, expected - 1e-6, expected + 1e-6);
    }

    [Theory]
    [MemberData(nameof(ReferenceResizes))]
    public void The_resampler_matches_Pillows_resize_pixel_for_pixel(string file, int index)
    {
        var expected = PillowReference.Image(file).Resizes![index];
        using var source = Cv2.ImDecode(PillowReference.ImageBytes(file), ImreadModes.Unchanged);
        var filter = expected.Filter == "LANCZOS" ? ResamplingFilter.Lanczos : ResamplingFilter.Bicubic;

        using var resized = PillowResampler.Resize(source, expected.Width, expected.Height, filter);
        using var inPillowsOrder = new Mat();
        if (resized.Channels() == 3)
        {
            Cv2.CvtColor(resized, inPillowsOrder, ColorConversionCodes.BGR2RGB);
        }
        else
        {
            resized.CopyTo(inPillowsOrder);
        }

        Assert.Equal(expected.Pixels, inPillowsOrder.AsSpan<byte>().ToArray());
    }
}
