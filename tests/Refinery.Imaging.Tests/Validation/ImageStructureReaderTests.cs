using Refinery.TestSupport;

namespace Refinery.Imaging.Tests.Validation;

public sealed class ImageStructureReaderTests
{
    [Theory]
    [InlineData(".jpg", ImageFormat.Jpeg)]
    [InlineData(".png", ImageFormat.Png)]
    [InlineData(".bmp", ImageFormat.Bmp)]
    public void Reads_format_and_size_from_the_header_of_a_whole_file(string extension, ImageFormat format)
    {
        using var image = TexturedImages.Color(321, 123);
        var encoded = TexturedImages.Encode(image, extension);

        var structure = ImageStructureReader.Read(encoded, ImageFormatSniffer.Sniff(encoded));

        Assert.Equal((format, new ImageDimensions(321, 123), (string?)null), (ImageFormatSniffer.Sniff(encoded), structure.Dimensions, structure.Damage));
    }

    [Theory]
    [InlineData(".jpg")]
    [InlineData(".png")]
    [InlineData(".bmp")]
    public void A_file_cut_in_half_keeps_its_header_size_and_is_truncated(string extension)
    {
        using var image = TexturedImages.Color(200, 100);
        var encoded = TexturedImages.Encode(image, extension);
        var half = encoded.AsSpan(0, encoded.Length / 2);

        var structure = ImageStructureReader.Read(half, ImageFormatSniffer.Sniff(half));

        Assert.Equal(new ImageDimensions(200, 100), structure.Dimensions);
        Assert.Contains("truncated", structure.Damage, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_no_image_have_no_header()
    {
        Assert.Equal((ImageFormat.Unknown, ImageStructure.Unread), ImageDecoder.Inspect("this is not an image at all, just text"u8));
        Assert.Equal((ImageFormat.Unknown, ImageStructure.Unread), ImageDecoder.Inspect([]));
    }
}
