using OpenCvSharp;
using Refinery.Imaging.Analysis;

namespace Refinery.Imaging.Tests.Analysis;

public sealed class DecodedImageTests
{
    private static DecodedImage Decode(byte[] encoded) =>
        ImageDecoder.Default.TryDecode(encoded, ImreadModes.Unchanged, out var image, out var failure)
            ? image
            : throw new InvalidOperationException($"test image did not decode: {failure}");

    [Fact]
    public void An_rgba_png_is_hashed_with_its_alpha_and_analysed_without_it()
    {
        using var rgba = new Mat(20, 30, MatType.CV_8UC4, new Scalar(10, 20, 30, 128));

        using var decoded = Decode(TestImages.Png(rgba));

        Assert.Equal(4, decoded.Pixels.Channels());
        Assert.Equal(3, decoded.EightBitPixels.Channels());
        Assert.False(decoded.IsGrayscaleMode);
    }

    [Fact]
    public void A_sixteen_bit_grey_png_is_scaled_to_eight_bits_and_is_not_mode_L()
    {
        using var grey16 = new Mat(20, 30, MatType.CV_16UC1, Scalar.All(257 * 100));

        using var decoded = Decode(TestImages.Png(grey16));
        var analysis = ImageAnalyzer.Analyze(decoded, AnalysisFeatures.All, null);

        Assert.Equal(MatType.CV_8UC1, decoded.EightBitPixels.Type());
        Assert.Equal(100 / 255.0, analysis.Brightness, 5);
        Assert.Equal(1, analysis.Quality.Grayscale); // Pillow opens it as I;16, which cleanvision does not call grayscale
    }

    [Fact]
    public void Bytes_that_do_not_decode_give_no_image()
    {
        Assert.False(ImageDecoder.Default.TryDecode("garbage"u8, ImreadModes.Unchanged, out var image, out _));
        Assert.Null(image);
    }
}
