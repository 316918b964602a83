using OpenCvSharp;

namespace Refinery.Imaging.Thumbnails;

/// <summary>
/// Makes thumbnails for a results gallery: decodes (through the shared decoder, so within the process's decode
/// budget), shrinks with area averaging and re-encodes in the source's format (PNG for formats Refinery does not
/// write). Stateless and thread-safe.
/// </summary>
public sealed class ThumbnailRenderer(ImageDecoder decoder)
{
    /// <summary>Thumbnails are looked at, not processed further, so they trade a little quality for size.</summary>
    public const int JpegQuality = 90;

    /// <summary>The largest encoded image this renderer reads.</summary>
    public long MaxSourceBytes => decoder.Limits.MaxBytes;

    /// <param name="data">The whole encoded source image.</param>
    /// <param name="fit">The size to fit inside.</param>
    /// <param name="cancellationToken">Ends a wait for room in the decode budget.</param>
    /// <returns>
    /// The encoded result (the source bytes themselves when no shrinking is needed), or why the bytes are not an
    /// image that can be resized, as a phrase.
    /// </returns>
    public async ValueTask<(Thumbnail? Thumbnail, string? Failure)> RenderAsync(byte[] data, FitInside fit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fit);
        var (image, failure) = await decoder.DecodeAsync(data, ImreadModes.Unchanged, cancellationToken);
        if (image is null)
        {
            return (null, failure);
        }

        using (image)
        {
            var source = new ImageDimensions(image.Width, image.Height);
            var size = fit.SizeFor(source);
            if (size == source)
            {
                // Re-encoding an image that keeps its size would only lose quality.
                return (new Thumbnail(data, image.Format, source), null);
            }

            var format = ImageFormatSniffer.IsProcessable(image.Format) ? image.Format : ImageFormat.Png;
            using var shrunk = new Mat();
            Cv2.Resize(image.Pixels, shrunk, new Size(size.Width, size.Height), 0, 0, InterpolationFlags.Area);
            return (new Thumbnail(ImageEncoder.Encode(shrunk, format, JpegQuality), format, size), null);
        }
    }
}
