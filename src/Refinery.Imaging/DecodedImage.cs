using OpenCvSharp;

namespace Refinery.Imaging;

/// <summary>
/// Decoded pixels (OpenCV's BGR/BGRA/gray order) with the format the bytes were in; owns and disposes its Mats, and
/// gives the bytes it holds in the decode budget back once they are freed.
/// </summary>
public sealed class DecodedImage(Mat pixels, ImageFormat format, int? storedChannels, DecodeReservation reservation) : IDisposable
{
    private Mat? _eightBitPixels;

    /// <summary>The pixels as decoded: with <c>ImreadModes.Unchanged</c>, the stored channels and bit depth.</summary>
    public Mat Pixels { get; } = pixels;

    public ImageFormat Format { get; } = format;

    public int Width => Pixels.Width;

    public int Height => Pixels.Height;

    public int Channels => Pixels.Channels();

    /// <summary>The channels the file stores, which can be fewer than <see cref="Channels"/> (gray+alpha PNG decodes as BGRA).</summary>
    public int StoredChannels { get; } = storedChannels ?? pixels.Channels();

    /// <summary>
    /// True for 8-bit single-channel pixels as stored: Pillow's mode <c>L</c>, the only mode cleanvision calls
    /// grayscale. Only an <c>ImreadModes.Unchanged</c> decode keeps the depth this needs.
    /// </summary>
    public bool IsGrayscaleMode => StoredChannels == 1 && Pixels.Depth() == MatType.CV_8U;

    /// <summary>
    /// 8-bit BGR, or 8-bit single channel for grey images, with alpha dropped and 16-bit scaled: the one view every
    /// analysis kernel reads. Made on first use (it is <see cref="Pixels"/> itself when those already qualify).
    /// </summary>
    public Mat EightBitPixels => _eightBitPixels ??= ToEightBitColorOrGrey(Pixels);

    public void Dispose()
    {
        if (_eightBitPixels is not null && !ReferenceEquals(_eightBitPixels, Pixels))
        {
            _eightBitPixels.Dispose();
        }

        Pixels.Dispose();
        reservation.Dispose();
    }

    private static Mat ToEightBitColorOrGrey(Mat pixels)
    {
        var channels = pixels.Channels();
        if (pixels.Depth() == MatType.CV_8U && channels is 1 or 3)
        {
            return pixels;
        }

        using var eightBit = new Mat();
        if (pixels.Depth() == MatType.CV_8U)
        {
            pixels.CopyTo(eightBit);
        }
        else
        {
            // 16-bit PNGs: 65535 / 257 = 255 maps full scale to full scale.
            pixels.ConvertTo(eightBit, MatType.CV_8U, 1.0 / 257);
        }

        var view = new Mat();
        switch (channels)
        {
            case 1 or 3:
                eightBit.CopyTo(view);
                break;
            case 4:
                Cv2.CvtColor(eightBit, view, ColorConversionCodes.BGRA2BGR);
                break;
            default:
                Cv2.ExtractChannel(eightBit, view, 0); // grey + alpha: keep the grey
                break;
        }

        return view;
    }
}
