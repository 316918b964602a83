namespace Refinery.Imaging;

/// <summary>What an image file's header and framing say before any pixel is decoded.</summary>
/// <param name="Dimensions">The size the header declares, when it could be read cheaply.</param>
/// <param name="Damage">
/// Why the file cannot be trusted — truncated, or a header that contradicts itself (two different sizes) — or null
/// when its framing is whole.
/// </param>
/// <param name="Channels">
/// The channels the file stores, when the header says so and OpenCV may report others: it expands a PNG's
/// gray+alpha to four channels even when asked for them unchanged.
/// </param>
/// <param name="Layout">How OpenCV lays out a pixel of this file decoded unchanged, when the header was read.</param>
public sealed record ImageStructure(ImageDimensions? Dimensions, string? Damage, int? Channels = null, PixelLayout? Layout = null)
{
    public static ImageStructure Unread { get; } = new(null, null);
}
