using System.Diagnostics.CodeAnalysis;
using OpenCvSharp;

namespace Refinery.Imaging.Thumbnails;

/// <summary>
/// Makes thumbnails for a results gallery: decodes, shrinks with area averaging and re-encodes in the source's format
/// (PNG for formats Refinery does not write). Stateless and thread-safe.
/// </summary>
public sealed class ThumbnailRenderer(ImageDecoder decoder)
{
    /// <summary>Thumbnails are looked at, not processed further, so they trade a little quality for size.</summary>
    public const int JpegQuality = 90;

    public static ThumbnailRenderer Default { get; } = new(ImageDecoder.Default);

    /// <summary>The largest encoded image this renderer reads.</summary>
    public long MaxSourceBytes => decoder.Limits.MaxBytes;

    /// <param name="data">The whole encoded source image.</param>
    /// <param name="fit">The size to fit inside.</param>
    /// <param name="thumbnail">The encoded result; the source bytes themselves when no shrinking is needed.</param>
    /// <param name="failure">Why the bytes are not an image that can be resized, as a phrase.</param>
    public bool TryRender(
        byte[] data,
        FitInside fit,
        [NotNullWhen(true)] out Thumbnail? thumbnail,
        [NotNullWhen(false)] out string? failure)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fit);
        thumbnail = null;
        if (!decoder.TryDecode(data, ImreadModes.Unchanged, out var image, out failure))
        {
            return false;
        }

        using (image)
        {
            var source = new ImageDimensions(image.Width, image.Height);
            var size = fit.SizeFor(source);
            if (size == source)
            {
                // Re-encoding an image that keeps its size would only lose quality.
                thumbnail = new Thumbnail(data, image.Format, source);
                return true;
            }

            var format = image.Format is ImageFormat.Jpeg or ImageFormat.Png or ImageFormat.Bmp ? image.Format : ImageFormat.Png;
            using var shrunk = new Mat();
            Cv2.Resize(image.Pixels, shrunk, new Size(size.Width, size.Height), 0, 0, InterpolationFlags.Area);
            thumbnail = new Thumbnail(ImageEncoder.Encode(shrunk, format, JpegQuality), format, size);
            return true;
        }
    }
}
