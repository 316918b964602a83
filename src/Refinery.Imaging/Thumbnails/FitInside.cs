namespace Refinery.Imaging.Thumbnails;

/// <summary>
/// Scale proportionally so the image fits inside <see cref="MaxWidth"/> × <see cref="MaxHeight"/> (either may be
/// absent), never enlarging it: OBS's <c>image/resize,m_lfit</c>.
/// </summary>
public sealed record FitInside
{
    /// <summary>The largest bound accepted on either side.</summary>
    public const int MaxSide = 4096;

    /// <exception cref="ArgumentException">Neither bound is given, or one lies outside 1..<see cref="MaxSide"/>.</exception>
    public FitInside(int? maxWidth, int? maxHeight)
    {
        if (maxWidth is null && maxHeight is null)
        {
            throw new ArgumentException("A fit-inside resize needs a width, a height or both.");
        }

        if (maxWidth is < 1 or > MaxSide || maxHeight is < 1 or > MaxSide)
        {
            throw new ArgumentException($"A fit-inside bound must lie from 1 to {MaxSide}, got width {maxWidth} and height {maxHeight}.");
        }

        MaxWidth = maxWidth;
        MaxHeight = maxHeight;
    }

    public int? MaxWidth { get; }

    public int? MaxHeight { get; }

    /// <summary>The size an image of <paramref name="source"/> size becomes: rounded to whole pixels, at least 1×1.</summary>
    public ImageDimensions SizeFor(ImageDimensions source)
    {
        var scale = Math.Min(
            MaxWidth is { } width ? (double)width / source.Width : double.PositiveInfinity,
            MaxHeight is { } height ? (double)height / source.Height : double.PositiveInfinity);
        if (scale >= 1)
        {
            return source;
        }

        return new ImageDimensions(Scaled(source.Width, scale, MaxWidth), Scaled(source.Height, scale, MaxHeight));
    }

    // The side that sets the scale lands exactly on its bound; the other is rounded half away from zero, as OBS does.
    private static int Scaled(int side, double scale, int? bound) =>
        Math.Clamp((int)Math.Round(side * scale, MidpointRounding.AwayFromZero), 1, bound ?? int.MaxValue);
}
