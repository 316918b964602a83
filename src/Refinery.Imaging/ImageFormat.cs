namespace Refinery.Imaging;

/// <summary>An image file format as its bytes (not its name) say.</summary>
public enum ImageFormat
{
    Unknown = 0,
    Jpeg,
    Png,
    Bmp,
    Gif,
    Webp,
    Tiff,
}
