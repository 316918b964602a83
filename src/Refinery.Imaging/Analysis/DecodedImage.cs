using OpenCvSharp;

namespace Refinery.Imaging.Analysis;

/// <summary>
/// One image decoded once (OpenCV, <c>IMREAD_UNCHANGED</c>: stored channels, no EXIF rotation — as Pillow opens it)
/// and the 8-bit view every kernel reads. Owns both Mats.
/// </summary>
public sealed class DecodedImage : IDisposable
{
    private DecodedImage(Mat stored, Mat pixels)
    {
        Stored = stored;
        Pixels = pixels;
    }

    /// <summary>The pixel buffer as stored (1, 3 or 4 channels, 8 or 16 bit): what the exact-duplicate hash reads.</summary>
    public Mat Stored { get; }

    /// <summary>8-bit BGR, or 8-bit single channel for grey images; alpha dropped, 16-bit scaled to 8-bit.</summary>
    public Mat Pixels { get; }

    public int Width => Stored.Cols;

    public int Height => Stored.Rows;

    /// <summary>True for an 8-bit one-channel image: Pillow's mode <c>L</c>, the only mode cleanvision calls grayscale.</summary>
    public bool IsGrayscaleMode => Stored.Channels() == 1 && Stored.Depth() == MatType.CV_8U;

    /// <summary>Decodes <paramref name="encoded"/>; null when OpenCV cannot decode it.</summary>
    public static DecodedImage? TryDecode(ReadOnlySpan<byte> encoded)
    {
        var stored = Cv2.ImDecode(encoded, ImreadModes.Unchanged);
        if (stored.Empty())
        {
            stored.Dispose();
            return null;
        }

        try
        {
            return new DecodedImage(stored, ToEightBitColorOrGrey(stored));
        }
        catch
        {
            stored.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!ReferenceEquals(Pixels, Stored))
        {
            Pixels.Dispose();
        }

        Stored.Dispose();
    }

    private static Mat ToEightBitColorOrGrey(Mat stored)
    {
        var channels = stored.Channels();
        if (stored.Depth() == MatType.CV_8U && channels is 1 or 3)
        {
            return stored;
        }

        using var eightBit = new Mat();
        if (stored.Depth() == MatType.CV_8U)
        {
            stored.CopyTo(eightBit);
        }
        else
        {
            // 16-bit PNGs: 65535 / 257 = 255 maps full scale to full scale.
            stored.ConvertTo(eightBit, MatType.CV_8U, 1.0 / 257);
        }

        var pixels = new Mat();
        switch (channels)
        {
            case 1 or 3:
                eightBit.CopyTo(pixels);
                break;
            case 4:
                Cv2.CvtColor(eightBit, pixels, ColorConversionCodes.BGRA2BGR);
                break;
            default:
                Cv2.ExtractChannel(eightBit, pixels, 0); // grey + alpha: keep the grey
                break;
        }

        return pixels;
    }
}
