namespace Refinery.Imaging.Analysis;

/// <summary>What the header of an encoded image says before any pixel is decoded.</summary>
/// <param name="Format">The container, read from its signature.</param>
/// <param name="Width">Width in pixels, from the header.</param>
/// <param name="Height">Height in pixels, from the header.</param>
/// <param name="IsComplete">False when the file visibly ends early (no JPEG EOI after the last scan, no PNG IEND, BMP shorter than its header says).</param>
public sealed record EncodedImageInfo(EncodedImageFormat Format, int Width, int Height, bool IsComplete)
{
    public long Pixels => (long)Width * Height;
}
