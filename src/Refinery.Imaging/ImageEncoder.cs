using OpenCvSharp;

namespace Refinery.Imaging;

/// <summary>Encodes pixels as one of the processable formats, adapting depth and alpha where the format needs it.</summary>
public static class ImageEncoder
{
    /// <summary>The JPEG quality Refinery writes everywhere (operators.md Part A).</summary>
    public const int DefaultJpegQuality = 95;

    /// <exception cref="ArgumentOutOfRangeException">The format is not JPEG, PNG or BMP.</exception>
    /// <exception cref="InvalidOperationException">OpenCV refused to encode the pixels.</exception>
    public static byte[] Encode(Mat pixels, ImageFormat format, int jpegQuality = DefaultJpegQuality)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        var (extension, parameters) = format switch
        {
            ImageFormat.Jpeg => (".jpg", new[] { new ImageEncodingParam(ImwriteFlags.JpegQuality, jpegQuality) }),
            ImageFormat.Png => (".png", []),
            ImageFormat.Bmp => (".bmp", Array.Empty<ImageEncodingParam>()),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "only JPEG, PNG and BMP are written"),
        };

        using var adapted = Adapt(pixels, format);
        var source = adapted ?? pixels;
        try
        {
            Cv2.ImEncode(extension, source, out var bytes, parameters);
            return bytes;
        }
        catch (OpenCVException exception)
        {
            throw new InvalidOperationException($"OpenCV could not encode a {source.Width}x{source.Height} {source.Type()} image as {format}: {exception.ErrMsg}", exception);
        }
    }

    /// <summary>A converted copy when the format cannot hold the pixels as they are, else null.</summary>
    private static Mat? Adapt(Mat pixels, ImageFormat format)
    {
        // PNG holds 8- and 16-bit samples; JPEG and BMP only 8-bit.
        var depth = pixels.Depth();
        var keepsDepth = depth == MatType.CV_8U || (format == ImageFormat.Png && depth == MatType.CV_16U);
        Mat? converted = null;
        if (!keepsDepth)
        {
            converted = new Mat();
            var scale = depth == MatType.CV_16U ? 1.0 / 257 : depth is MatType.CV_32F or MatType.CV_64F ? 255.0 : 1.0;
            pixels.ConvertTo(converted, MatType.MakeType(MatType.CV_8U, pixels.Channels()), scale);
        }

        // JPEG has no alpha channel.
        if (format == ImageFormat.Jpeg && pixels.Channels() == 4)
        {
            var opaque = new Mat();
            Cv2.CvtColor(converted ?? pixels, opaque, ColorConversionCodes.BGRA2BGR);
            converted?.Dispose();
            converted = opaque;
        }

        return converted;
    }
}
