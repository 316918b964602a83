using OpenCvSharp;
using Refinery.Imaging;
using Refinery.Storage;

namespace Refinery.Operators;

/// <summary>
/// Reads one stored image and decodes it, for operators defined on the processable formats only (operators.md Part
/// A): JPEG, PNG and BMP. What makes the image unusable (absent, too large, another format, damaged) comes back as a
/// phrase, the sample's outcome; only a failing store throws.
/// </summary>
public static class ObjectImageReader
{
    public static async Task<(DecodedImage? Image, string? Failure)> ReadAsync(
        IObjectStore store, ObjectPath path, ImageDecoder decoder, CancellationToken cancellationToken)
    {
        var (encoded, readFailure) = await PooledObjectBytes.ReadAsync(store, path, decoder.Limits.MaxBytes, cancellationToken);
        if (encoded is null)
        {
            return (null, $"image could not be read: {readFailure}");
        }

        using (encoded)
        {
            // An empty file is the decoder's to name.
            var format = ImageFormatSniffer.Sniff(encoded.Span);
            if (encoded.Length > 0 && !ImageFormatSniffer.IsProcessable(format))
            {
                return (null, format == ImageFormat.Unknown
                    ? "not a readable JPEG, PNG or BMP image (unknown or damaged header)"
                    : $"not a readable JPEG, PNG or BMP image (it is {format} data)");
            }

            var (image, failure) = await decoder.DecodeAsync(encoded.Memory, ImreadModes.Unchanged, cancellationToken);
            return image is null ? (null, $"image could not be decoded: {failure}") : (image, null);
        }
    }
}
