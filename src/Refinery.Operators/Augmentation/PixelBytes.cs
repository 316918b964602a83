using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>The bytes of the images and buffers an augmentation allocates, from sizes alone (no pixel is touched).</summary>
public static class PixelBytes
{
    // OpenCV's filters, warps, resizes and colour conversions run in horizontal strips, one per worker thread, each
    // with a few rows of widened (int or float) samples: Gaussian blur with σ 3 holds 19, cubic resize 4.
    private const int StripRows = 32;
    private const int WidenedSampleBytes = sizeof(float);

    // Resizing by area keeps a decimation table of two 12-byte entries per input and output column and row; the
    // rest (kernels, lookup tables, warp matrices) is a few KiB.
    private const int TableBytesPerLine = 32;
    private const long SmallBuffersBytes = 1024 * 1024;

    /// <summary>An 8-bit BGR image.</summary>
    public static long Bgr(Size size) => Plane(size, 3);

    /// <summary>An image of <paramref name="bytesPerPixel"/> bytes a pixel (1 for 8-bit gray, 4 for float).</summary>
    public static long Plane(Size size, int bytesPerPixel) => (long)size.Width * size.Height * bytesPerPixel;

    /// <summary>What <see cref="BgrImage.From"/> allocates for an image of <paramref name="type"/>: nothing for 8-bit BGR.</summary>
    public static long BgrConversion(Size size, MatType type)
    {
        if (type == MatType.CV_8UC3)
        {
            return 0;
        }

        // A deeper image is first brought to 8 bits (one byte a channel), then converted or copied beside it.
        var eightBit = type.Depth == MatType.CV_8U ? 0 : Plane(size, type.Channels);
        return eightBit + Plane(size, Math.Max(3, type.Channels));
    }

    /// <summary>What OpenCV allocates inside its calls on images of these sizes, beyond their outputs.</summary>
    public static long OpenCvWorkspace(Size input, Size output)
    {
        var widest = Math.Max(input.Width, output.Width);
        var strips = (long)Environment.ProcessorCount * StripRows * widest * 3 * WidenedSampleBytes;
        var tables = (long)TableBytesPerLine * ((long)input.Width + input.Height + output.Width + output.Height);
        return strips + tables + SmallBuffersBytes;
    }
}
