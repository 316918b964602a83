using System.Diagnostics.CodeAnalysis;
using OpenCvSharp;

namespace Refinery.Imaging;

/// <summary>
/// Decodes image bytes with OpenCV after checking what OpenCV does not: truncation it would half-decode, and sizes
/// that would exhaust memory. Failure is a reason, never an exception, because a bad file is a per-sample outcome.
/// Stateless and thread-safe.
/// </summary>
public sealed class ImageDecoder(ImageDecodeLimits limits)
{
    public static ImageDecoder Default { get; } = new(ImageDecodeLimits.Default);

    public ImageDecodeLimits Limits { get; } = limits;

    /// <summary>Decodes image bytes into pixels the caller owns.</summary>
    /// <param name="data">The whole encoded file.</param>
    /// <param name="mode">Unchanged keeps channel count and bit depth; the Reduced modes decode at 1/2, 1/4 or 1/8 size.</param>
    /// <param name="image">The pixels, to dispose, when decoding succeeded.</param>
    /// <param name="failure">Why the bytes are not a usable image, as a phrase ("the PNG data ends before …").</param>
    public bool TryDecode(
        ReadOnlySpan<byte> data,
        ImreadModes mode,
        [NotNullWhen(true)] out DecodedImage? image,
        [NotNullWhen(false)] out string? failure)
    {
        image = null;
        failure = Check(data, out var format, out var structure);
        if (failure is not null)
        {
            return false;
        }

        Mat? pixels = null;
        try
        {
            pixels = Cv2.ImDecode(data, mode);
        }
        catch (OpenCVException exception)
        {
            failure = $"OpenCV cannot decode it ({exception.ErrMsg})";
        }
        catch (OpenCvSharpException exception)
        {
            failure = $"OpenCV cannot decode it ({exception.Message})";
        }

        if (pixels is null || pixels.Empty())
        {
            pixels?.Dispose();
            failure ??= format == ImageFormat.Unknown ? "it is not in an image format OpenCV reads" : $"OpenCV cannot decode its {format} data";
            return false;
        }

        // Formats whose header is not read cheaply are only measured once decoded.
        if ((long)pixels.Width * pixels.Height > Limits.MaxPixels)
        {
            failure = PixelLimitExceeded(new ImageDimensions(pixels.Width, pixels.Height));
            pixels.Dispose();
            return false;
        }

        image = new DecodedImage(pixels, format, structure?.Channels);
        return true;
    }

    /// <summary>The real format, dimensions and framing of the bytes, without decoding pixels.</summary>
    public static (ImageFormat Format, ImageStructure Structure) Inspect(ReadOnlySpan<byte> data)
    {
        var format = ImageFormatSniffer.Sniff(data);
        return (format, ImageStructureReader.Read(data, format));
    }

    private string? Check(ReadOnlySpan<byte> data, out ImageFormat format, out ImageStructure? structure)
    {
        format = ImageFormat.Unknown;
        structure = null;
        if (data.IsEmpty)
        {
            return "the file is empty (0 bytes)";
        }

        if (data.Length > Limits.MaxBytes)
        {
            return $"the file is {data.Length} bytes, over the limit of {Limits.MaxBytes} bytes";
        }

        (format, structure) = Inspect(data);
        if (structure.Damage is not null)
        {
            return structure.Damage;
        }

        if (structure.Dimensions is { } dimensions)
        {
            if (dimensions.Width <= 0 || dimensions.Height <= 0)
            {
                return $"its header declares an empty {dimensions} image";
            }

            if (dimensions.Pixels > Limits.MaxPixels)
            {
                return PixelLimitExceeded(dimensions);
            }
        }

        return null;
    }

    private string PixelLimitExceeded(ImageDimensions dimensions) =>
        $"it is {dimensions} ({dimensions.Pixels} pixels), over the limit of {Limits.MaxPixels} pixels";
}
