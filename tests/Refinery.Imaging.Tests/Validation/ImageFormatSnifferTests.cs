using Refinery.TestSupport;

namespace Refinery.Imaging.Tests.Validation;

public sealed class ImageFormatSnifferTests
{
    [Theory]
    [InlineData(".jpg", ImageFormat.Jpeg)]
    [InlineData(".png", ImageFormat.Png)]
    [InlineData(".bmp", ImageFormat.Bmp)]
    [InlineData(".tiff", ImageFormat.Tiff)]
    [InlineData(".webp", ImageFormat.Webp)]
    public void Sniffs_the_format_OpenCV_encoded(string extension, ImageFormat expected)
    {
        using var image = TexturedImages.Color(32, 24);

        Assert.Equal(expected, ImageFormatSniffer.Sniff(TexturedImages.Encode(image, extension)));
    }

    [Fact]
    public void Sniffs_gif_from_its_signature()
    {
        Assert.Equal(ImageFormat.Gif, ImageFormatSniffer.Sniff("GIF89a\x01\0\x01\0\0\0\0;"u8));
    }

    [Fact]
    public void Bytes_of_no_image_format_are_unknown()
    {
        Assert.Equal(ImageFormat.Unknown, ImageFormatSniffer.Sniff("BM but only a short text"u8));
        Assert.Equal(ImageFormat.Unknown, ImageFormatSniffer.Sniff([]));
    }

    [Theory]
    [InlineData(ImageFormat.Jpeg, ".jpg")]
    [InlineData(ImageFormat.Png, ".png")]
    [InlineData(ImageFormat.Bmp, ".bmp")]
    [InlineData(ImageFormat.Gif, ".gif")]
    [InlineData(ImageFormat.Webp, ".webp")]
    [InlineData(ImageFormat.Tiff, ".tiff")]
    [InlineData(ImageFormat.Unknown, "")]
    public void Each_format_has_a_canonical_extension_that_maps_back_to_it(ImageFormat format, string extension)
    {
        Assert.Equal(extension, ImageFormatSniffer.CanonicalExtension(format));
        Assert.Equal(format, ImageFormatSniffer.FromExtension(extension));
    }

    [Theory]
    [InlineData(".JPEG", ImageFormat.Jpeg)]
    [InlineData("jpg", ImageFormat.Jpeg)]
    [InlineData(".tif", ImageFormat.Tiff)]
    [InlineData(".txt", ImageFormat.Unknown)]
    public void Extensions_map_to_formats_whatever_their_case_or_dot(string extension, ImageFormat expected)
    {
        Assert.Equal(expected, ImageFormatSniffer.FromExtension(extension));
    }

    [Fact]
    public void Only_jpeg_png_and_bmp_are_processable()
    {
        Assert.Equal(
            [ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.Bmp],
            Enum.GetValues<ImageFormat>().Where(ImageFormatSniffer.IsProcessable));
    }
}
