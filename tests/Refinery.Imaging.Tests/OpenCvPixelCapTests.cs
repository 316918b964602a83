using System.Buffers.Binary;
using OpenCvSharp;

namespace Refinery.Imaging.Tests;

public sealed class OpenCvPixelCapTests
{
    /// <summary>A 24-bit BMP header of <paramref name="side"/>² with no pixel data behind it.</summary>
    private static byte[] BmpHeader(int side)
    {
        var header = new byte[54];
        "BM"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(2), 54);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(10), 54);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(18), side);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(22), side);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(26), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(28), 24);
        return header;
    }

    [Fact]
    public void OpenCV_itself_refuses_to_allocate_more_pixels_than_the_cap_set_at_start()
    {
        // 10001² is just over the 100-megapixel cap and far under OpenCV's own default of 2^30; uncapped, OpenCV
        // would allocate 300 MB for it before finding the data missing.
        var exception = Assert.Throws<OpenCVException>(() => Cv2.ImDecode(BmpHeader(10_001), ImreadModes.Unchanged));

        Assert.Contains("CV_IO_MAX_IMAGE_PIXELS", exception.Message, StringComparison.Ordinal);
    }
}
