using Refinery.Imaging.Analysis;

namespace Refinery.Imaging.Tests.Analysis;

public sealed class EncodedImageInspectorTests
{
    [Theory]
    [InlineData(".jpg", EncodedImageFormat.Jpeg)]
    [InlineData(".png", EncodedImageFormat.Png)]
    [InlineData(".bmp", EncodedImageFormat.Bmp)]
    public void Reads_format_and_size_from_the_header(string extension, EncodedImageFormat format)
    {
        using var image = TestImages.Scene(321, 123);

        var info = EncodedImageInspector.Inspect(TestImages.Encode(image, extension));

        Assert.Equal(new EncodedImageInfo(format, 321, 123, IsComplete: true), info);
    }

    [Theory]
    [InlineData(".jpg")]
    [InlineData(".png")]
    [InlineData(".bmp")]
    public void A_file_cut_in_half_is_incomplete(string extension)
    {
        using var image = TestImages.Scene(200, 100);
        var encoded = TestImages.Encode(image, extension);

        var info = EncodedImageInspector.Inspect(encoded.AsSpan(0, encoded.Length / 2));

        Assert.NotNull(info);
        Assert.False(info.IsComplete);
    }

    [Fact]
    public void Bytes_that_are_no_image_have_no_header()
    {
        Assert.Null(EncodedImageInspector.Inspect("this is not an image at all, just text"u8));
        Assert.Null(EncodedImageInspector.Inspect([]));
    }
}
