using System.Buffers.Binary;
using OpenCvSharp;
using Refinery.TestSupport;

namespace Refinery.Imaging.Tests.Validation;

public sealed class ImageDecoderTests
{
    private static string DecodeFailure(byte[] data, ImageDecoder? decoder = null)
    {
        var decoded = (decoder ?? ImageDecoder.Default).TryDecode(data, ImreadModes.Unchanged, out var image, out var failure);
        image?.Dispose();
        Assert.False(decoded);
        return failure!;
    }

    [Fact]
    public void Decodes_a_good_jpeg_with_its_size_channels_and_format()
    {
        Assert.True(ImageDecoder.Default.TryDecode(TexturedImages.Jpeg(120, 80), ImreadModes.Unchanged, out var image, out _));
        using (image)
        {
            Assert.Equal((120, 80, 3, ImageFormat.Jpeg), (image.Width, image.Height, image.Channels, image.Format));
        }
    }

    [Fact]
    public void Unchanged_mode_keeps_a_grayscale_png_at_one_channel()
    {
        Assert.True(ImageDecoder.Default.TryDecode(TexturedImages.GrayPng(), ImreadModes.Unchanged, out var image, out _));
        using (image)
        {
            Assert.Equal((1, ImageFormat.Png), (image.Channels, image.Format));
        }
    }

    [Fact]
    public void A_jpeg_cut_short_is_refused_as_truncated_although_OpenCV_would_half_decode_it()
    {
        var whole = TexturedImages.Jpeg(200, 200);

        var failure = DecodeFailure(whole[..(whole.Length * 7 / 10)]);

        Assert.Contains("FFD9", failure, StringComparison.Ordinal);
        Assert.Contains("truncated", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jpeg_missing_only_its_end_marker_is_truncated()
    {
        var whole = TexturedImages.Jpeg();

        Assert.Contains("truncated", DecodeFailure(whole[..^2]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_jpeg_with_padding_or_data_after_its_end_marker_decodes()
    {
        byte[] padded = [.. TexturedImages.Jpeg(), .. new byte[64], .. "appended trailer"u8];

        Assert.True(ImageDecoder.Default.TryDecode(padded, ImreadModes.Unchanged, out var image, out _));
        image.Dispose();
    }

    [Fact]
    public void A_png_without_its_IEND_chunk_is_truncated()
    {
        var whole = TexturedImages.Png(200, 200);

        var failure = DecodeFailure(whole[..(whole.Length - 20)]);

        Assert.Contains("IEND", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bmp_shorter_than_its_pixel_data_is_truncated()
    {
        using var color = TexturedImages.Color(64, 64);
        var whole = TexturedImages.Encode(color, ".bmp");

        Assert.Contains("truncated", DecodeFailure(whole[..(whole.Length / 2)]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_byte_file_is_empty()
    {
        Assert.Contains("empty", DecodeFailure([]), StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_is_not_an_image_format()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0x00;

        Assert.Contains("not in an image format", DecodeFailure(garbage), StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_declaring_a_huge_image_is_refused_before_decoding()
    {
        var png = TexturedImages.Png(16, 16);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 60_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 50_000);

        var failure = DecodeFailure(png);

        Assert.Contains("60000x50000", failure, StringComparison.Ordinal);
        Assert.Contains("over the limit", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jpeg_over_the_pixel_limit_is_refused()
    {
        var decoder = new ImageDecoder(new ImageDecodeLimits(MaxPixels: 5_000));

        Assert.Contains("120x80", DecodeFailure(TexturedImages.Jpeg(120, 80), decoder), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_byte_limit_is_refused()
    {
        var decoder = new ImageDecoder(new ImageDecodeLimits(MaxBytes: 100));

        Assert.Contains("over the limit of 100 bytes", DecodeFailure(TexturedImages.Jpeg(), decoder), StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_reads_dimensions_from_the_header_without_decoding()
    {
        var (format, structure) = ImageDecoder.Inspect(TexturedImages.Jpeg(321, 123));

        Assert.Equal((ImageFormat.Jpeg, new ImageDimensions(321, 123), null), (format, structure.Dimensions, structure.Damage));
    }

    [Theory]
    [InlineData(".png")]
    [InlineData(".bmp")]
    [InlineData(".webp")]
    [InlineData(".tiff")]
    public void Inspect_reads_dimensions_of_other_formats(string extension)
    {
        using var color = TexturedImages.Color(37, 21);

        Assert.Equal(new ImageDimensions(37, 21), ImageDecoder.Inspect(TexturedImages.Encode(color, extension)).Structure.Dimensions);
    }
}
