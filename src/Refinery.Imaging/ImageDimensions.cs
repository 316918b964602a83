namespace Refinery.Imaging;

/// <summary>An image's width and height in pixels.</summary>
public readonly record struct ImageDimensions(int Width, int Height)
{
    public long Pixels => (long)Width * Height;

    public override string ToString() => $"{Width}x{Height}";
}
