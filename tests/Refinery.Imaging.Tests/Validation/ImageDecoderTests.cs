using System.Buffers.Binary;
using OpenCvSharp;
using Refinery.TestSupport;

namespace Refinery.Imaging.Tests.Validation;

public sealed class ImageDecoderTests
{
    private static string DecodeFailure(byte[] data, ImageDecoder? decoder = null)
    {
        var (image, failure) = (decoder ?? TestDecoders.Create()).DecodeAsync(data, ImreadModes.Unchanged, CancellationToken.None).AsTask().Result;
        image?.Dispose();
        Assert.Null(image);
        return failure!;
    }

    [Fact]
    public void Decodes_a_good_jpeg_with_its_size_channels_and_format()
    {
        using var image = TestDecoders.Decode(TexturedImages.Jpeg(120, 80));

        Assert.Equal((120, 80, 3, ImageFormat.Jpeg), (image.Width, image.Height, image.Channels, image.Format));
    }

    [Fact]
    public void Unchanged_mode_keeps_a_grayscale_png_at_one_channel()
    {
        using var image = TestDecoders.Decode(TexturedImages.GrayPng());

        Assert.Equal((1, ImageFormat.Png), (image.Channels, image.Format));
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

        using var image = TestDecoders.Decode(padded);

        Assert.Equal(ImageFormat.Jpeg, image.Format);
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

        Assert.Contains("not in an image format Refinery decodes", DecodeFailure(garbage), StringComparison.Ordinal);
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
        var decoder = TestDecoders.Create(new ImageDecodeLimits(MaxPixels: 5_000));

        Assert.Contains("120x80", DecodeFailure(TexturedImages.Jpeg(120, 80), decoder), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_byte_limit_is_refused()
    {
        var decoder = TestDecoders.Create(new ImageDecodeLimits(MaxBytes: 100));

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

    public static TheoryData<string, byte[]> HostileFiles() => new()
    {
        { "Radiance HDR", HostileImages.RadianceHdr() },
        { "PBM", HostileImages.Pbm() },
        { "TIFF with its size given twice", HostileImages.TiffWithDuplicateSize() },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public void A_file_whose_header_promises_a_huge_image_to_OpenCV_is_refused_by_the_header_check(string kind, byte[] data)
    {
        var (plan, refusal) = TestDecoders.Create().Plan(data, ImreadModes.Unchanged);

        Assert.Null(plan);
        Assert.NotNull(refusal);
        Assert.False(string.IsNullOrEmpty(kind));
    }

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_file_whose_header_promises_a_huge_image_to_OpenCV_is_never_decoded(string kind, byte[] data)
    {
        var decoder = TestDecoders.Create();
        var (_, refusal) = decoder.Plan(data, ImreadModes.Unchanged);

        var (image, failure) = await decoder.DecodeAsync(data, ImreadModes.Unchanged, CancellationToken.None);

        // The refusal is the header check's own, made before OpenCV or the budget is asked for anything.
        Assert.Null(image);
        Assert.Equal(refusal, failure);
        Assert.Equal(0, decoder.Budget.InUse);
        Assert.False(string.IsNullOrEmpty(kind));
    }

    [Fact]
    public void Formats_OpenCV_reads_but_Refinery_does_not_are_named_as_such()
    {
        Assert.Contains("not in an image format Refinery decodes", DecodeFailure(HostileImages.RadianceHdr()), StringComparison.Ordinal);
        Assert.Contains("not in an image format Refinery decodes", DecodeFailure(HostileImages.Pbm()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tiff_giving_its_size_twice_is_refused_as_ambiguous()
    {
        Assert.Contains("ambiguous", DecodeFailure(HostileImages.TiffWithDuplicateSize()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decoded_image_holds_its_footprint_in_the_budget_until_it_is_disposed()
    {
        var decoder = TestDecoders.Create();
        var jpeg = TexturedImages.Jpeg(120, 80);

        var (image, _) = await decoder.DecodeAsync(jpeg, ImreadModes.Unchanged, CancellationToken.None);
        var held = decoder.Budget.InUse;
        image!.Dispose();

        Assert.Equal(120 * 80 * 3, held);
        Assert.Equal(0, decoder.Budget.InUse);
    }

    [Fact]
    public void An_image_larger_than_the_whole_budget_is_refused_instead_of_waiting_forever()
    {
        var decoder = new ImageDecoder(ImageDecodeLimits.Default, new DecodeMemoryBudget(10_000));

        var failure = DecodeFailure(TexturedImages.Jpeg(120, 80), decoder);

        Assert.Contains("28800 bytes, more than the server's whole decode memory budget of 10000 bytes", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_reserved_alongside_are_held_with_the_pixels_and_given_back_with_them()
    {
        var decoder = TestDecoders.Create();

        var (image, _) = await decoder.DecodeAsync(TexturedImages.Jpeg(120, 80), ImreadModes.Unchanged, alongsideBytes: 5_000, CancellationToken.None);
        var held = decoder.Budget.InUse;
        image!.Dispose();

        Assert.Equal((120 * 80 * 3) + 5_000, held);
        Assert.Equal(0, decoder.Budget.InUse);
    }

    [Fact]
    public async Task Pixels_and_bytes_alongside_that_together_exceed_the_whole_budget_are_refused_unreserved()
    {
        var decoder = new ImageDecoder(ImageDecodeLimits.Default, new DecodeMemoryBudget(30_000));

        var (image, failure) = await decoder.DecodeAsync(TexturedImages.Jpeg(120, 80), ImreadModes.Unchanged, alongsideBytes: 1_201, CancellationToken.None);

        Assert.Null(image);
        Assert.EndsWith("takes 28800 bytes and the work on them 1201 more, more than the server's whole decode memory budget of 30000 bytes", failure, StringComparison.Ordinal);
        Assert.Equal(0, decoder.Budget.InUse);
    }

    [Fact]
    public async Task A_decode_waits_for_room_in_the_budget_and_gives_up_when_cancelled()
    {
        var decoder = new ImageDecoder(ImageDecodeLimits.Default, new DecodeMemoryBudget(30_000));
        var jpeg = TexturedImages.Jpeg(120, 80);
        var (first, _) = await decoder.DecodeAsync(jpeg, ImreadModes.Unchanged, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var second = decoder.DecodeAsync(jpeg, ImreadModes.Unchanged, cancel.Token).AsTask();
        Assert.False(second.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        first!.Dispose();
        Assert.Equal(0, decoder.Budget.InUse);
    }

    [Fact]
    public void A_lower_pixel_limit_can_be_asked_for_but_never_a_higher_one()
    {
        var decoder = TestDecoders.Create(new ImageDecodeLimits(MaxPixels: 5_000));

        Assert.Equal(1_000, decoder.WithMaxPixels(1_000).Limits.MaxPixels);
        Assert.Equal(5_000, decoder.WithMaxPixels(1_000_000_000_000_000_000).Limits.MaxPixels);
        Assert.Same(decoder.Budget, decoder.WithMaxPixels(1_000).Budget);
    }
}
