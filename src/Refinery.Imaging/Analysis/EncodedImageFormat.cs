namespace Refinery.Imaging.Analysis;

/// <summary>The container formats feature analysis accepts (operators.md Part A: JPG/JPEG/PNG/BMP).</summary>
public enum EncodedImageFormat
{
    Unknown = 0,
    Jpeg,
    Png,
    Bmp,
}
