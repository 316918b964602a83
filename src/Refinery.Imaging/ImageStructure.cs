namespace Refinery.Imaging;

/// <summary>What an image file's header and framing say before any pixel is decoded.</summary>
/// <param name="Dimensions">The size the header declares, when it could be read cheaply.</param>
/// <param name="Damage">Why the file is incomplete (truncated), or null when its framing is whole.</param>
public sealed record ImageStructure(ImageDimensions? Dimensions, string? Damage)
{
    public static ImageStructure Unread { get; } = new(null, null);
}
