using System.Buffers.Binary;
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

    [Fact]
    public void A_jpeg_with_two_frame_headers_of_different_sizes_is_ambiguous()
    {
        var jpeg = TexturedImages.Jpeg(64, 48);
        var sof = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(sof + 2));
        var second = jpeg.AsSpan(sof, 2 + length).ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(second.AsSpan(5), 12_000);
        BinaryPrimitives.WriteUInt16BigEndian(second.AsSpan(7), 12_000);
        byte[] twice = [.. jpeg.AsSpan(0, sof + 2 + length), .. second, .. jpeg.AsSpan(sof + 2 + length)];

        var structure = ImageStructureReader.Read(twice, ImageFormat.Jpeg);

        Assert.Contains("two frame sizes, 64x48 and 12000x12000", structure.Damage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_png_with_a_second_IHDR_is_ambiguous()
    {
        var png = TexturedImages.Png(64, 48);
        var ihdr = png.AsSpan(8, 25).ToArray(); // length, type, 13 bytes of data, CRC
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(8), 12_000);
        byte[] twice = [.. png.AsSpan(0, 33), .. ihdr, .. png.AsSpan(33)];

        var structure = ImageStructureReader.Read(twice, ImageFormat.Png);

        Assert.Contains("more than one IHDR", structure.Damage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gif_whose_first_frame_overhangs_its_screen_is_ambiguous()
    {
        byte[] gif = [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 0xE0, 0x2E, 0xE0, 0x2E, 0, 2, 0, 0x3B];

        var structure = ImageStructureReader.Read(gif, ImageFormat.Gif);

        Assert.Contains("12000x12000", structure.Damage, StringComparison.Ordinal);
        Assert.Contains("overhangs its 1x1 screen", structure.Damage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tiff_giving_its_size_twice_is_ambiguous()
    {
        var structure = ImageStructureReader.Read(HostileImages.TiffWithDuplicateSize(), ImageFormat.Tiff);

        Assert.Contains("tag 256 twice", structure.Damage, StringComparison.Ordinal);
    }
}
