using OpenCvSharp;
using Refinery.TestSupport;

namespace Refinery.Imaging.Tests.Validation;

public sealed class DecodeFootprintTests
{
    private static long Footprint(byte[] data, ImreadModes mode) =>
        TestDecoders.Create().Plan(data, mode).Plan?.FootprintBytes ?? throw new InvalidOperationException("no plan");

    [Fact]
    public void A_sixteen_bit_rgba_png_counts_eight_bytes_a_pixel_unchanged_and_three_in_colour()
    {
        using var rgba16 = new Mat(50, 100, MatType.CV_16UC4, new Scalar(1000, 2000, 3000, 65535));
        var png = TexturedImages.Encode(rgba16, ".png");

        Assert.Equal(100 * 50 * 8, Footprint(png, ImreadModes.Unchanged));
        Assert.Equal(100 * 50 * 3, Footprint(png, ImreadModes.Color));
        Assert.Equal(100 * 50 * 1, Footprint(png, ImreadModes.Grayscale));
    }

    [Fact]
    public void A_reduced_jpeg_decode_counts_only_the_reduced_pixels()
    {
        var jpeg = TexturedImages.Jpeg(120, 80);

        Assert.Equal(60 * 40, Footprint(jpeg, ImreadModes.ReducedGrayscale2));
        Assert.Equal(15 * 10 * 3, Footprint(jpeg, ImreadModes.ReducedColor8));
    }

    [Fact]
    public void A_reduced_png_decode_counts_the_full_decode_OpenCV_shrinks_afterwards()
    {
        var png = TexturedImages.Png(120, 80);

        Assert.Equal((120 * 80) + (60 * 40), Footprint(png, ImreadModes.ReducedGrayscale2));
    }

    [Theory]
    [InlineData(".jpg", ImreadModes.Unchanged)]
    [InlineData(".png", ImreadModes.Unchanged)]
    [InlineData(".bmp", ImreadModes.Unchanged)]
    [InlineData(".webp", ImreadModes.Unchanged)]
    [InlineData(".tiff", ImreadModes.Unchanged)]
    [InlineData(".gif", ImreadModes.Unchanged)]
    [InlineData(".png", ImreadModes.ReducedColor4)]
    [InlineData(".tiff", ImreadModes.Grayscale)]
    public async Task The_estimate_covers_the_pixels_OpenCV_really_decodes(string extension, ImreadModes mode)
    {
        using var color = TexturedImages.Color(90, 70);
        var data = TexturedImages.Encode(color, extension);
        var decoder = TestDecoders.Create();

        var (image, failure) = await decoder.DecodeAsync(data, mode, CancellationToken.None);
        Assert.True(image is not null, failure);
        using (image)
        {
            Assert.InRange(image.Pixels.Total() * image.Pixels.ElemSize(), 1, Footprint(data, mode));
        }
    }
}
