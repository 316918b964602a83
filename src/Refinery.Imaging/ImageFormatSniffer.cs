namespace Refinery.Imaging;

/// <summary>Tells an image's real format from its magic bytes, and maps formats to and from file extensions.</summary>
public static class ImageFormatSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageFormat Sniff(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return ImageFormat.Jpeg;
        }

        if (data.StartsWith(PngSignature))
        {
            return ImageFormat.Png;
        }

        // "BM" alone is too common a prefix for text; a bitmap also needs room for its 14-byte file header.
        if (data.Length >= 26 && data[0] == (byte)'B' && data[1] == (byte)'M')
        {
            return ImageFormat.Bmp;
        }

        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }

        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.Webp;
        }

        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8))
        {
            return ImageFormat.Tiff;
        }

        return ImageFormat.Unknown;
    }

    /// <summary>The extension a file of this format should carry, with its dot (<c>.jpg</c>); empty for Unknown.</summary>
    public static string CanonicalExtension(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => ".jpg",
        ImageFormat.Png => ".png",
        ImageFormat.Bmp => ".bmp",
        ImageFormat.Gif => ".gif",
        ImageFormat.Webp => ".webp",
        ImageFormat.Tiff => ".tiff",
        _ => "",
    };

    /// <summary>The format a file extension claims (<c>.JPEG</c>, <c>jpg</c>…), Unknown when it names none.</summary>
    public static ImageFormat FromExtension(string extension) => extension.TrimStart('.').ToUpperInvariant() switch
    {
        "JPG" or "JPEG" or "JPE" or "JFIF" => ImageFormat.Jpeg,
        "PNG" => ImageFormat.Png,
        "BMP" or "DIB" => ImageFormat.Bmp,
        "GIF" => ImageFormat.Gif,
        "WEBP" => ImageFormat.Webp,
        "TIF" or "TIFF" => ImageFormat.Tiff,
        _ => ImageFormat.Unknown,
    };

    /// <summary>Whether data processing handles this format as it is (JPG/JPEG, PNG, BMP; operators.md Part A "Images").</summary>
    public static bool IsProcessable(ImageFormat format) => format is ImageFormat.Jpeg or ImageFormat.Png or ImageFormat.Bmp;
}
