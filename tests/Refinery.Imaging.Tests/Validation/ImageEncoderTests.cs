using OpenCvSharp;
using Refinery.TestSupport;

namespace Refinery.Imaging.Tests.Validation;

public sealed class ImageEncoderTests
{
    [Fact]
    public void A_four_channel_image_is_encoded_as_a_three_channel_jpeg()
    {
        using var color = TexturedImages.Color(40, 30);
        using var withAlpha = color.CvtColor(ColorConversionCodes.BGR2BGRA);

        var bytes = ImageEncoder.Encode(withAlpha, ImageFormat.Jpeg);

        using var decoded = Cv2.ImDecode(bytes, ImreadModes.Unchanged);
        Assert.Equal((ImageFormat.Jpeg, 3), (ImageFormatSniffer.Sniff(bytes), decoded.Channels()));
    }

    [Fact]
    public void A_sixteen_bit_image_is_scaled_to_eight_bits_for_jpeg()
    {
        using var wide = new Mat(10, 10, MatType.CV_16UC3, Scalar.All(65535));

        using var decoded = Cv2.ImDecode(ImageEncoder.Encode(wide, ImageFormat.Jpeg), ImreadModes.Unchanged);

        Assert.Equal(MatType.CV_8UC3, decoded.Type());
        Assert.True(decoded.At<Vec3b>(5, 5).Item0 > 250);
    }

    [Fact]
    public void Formats_that_are_not_processable_are_not_written()
    {
        using var color = TexturedImages.Color(4, 4);

        Assert.Throws<ArgumentOutOfRangeException>(() => ImageEncoder.Encode(color, ImageFormat.Gif));
    }
}
