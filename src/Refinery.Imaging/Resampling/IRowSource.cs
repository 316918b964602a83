namespace Refinery.Imaging.Resampling;

/// <summary>
/// The source rows a resize reads, one at a time, so that a per-pixel conversion (such as Pillow's <c>L</c>) can run
/// row by row inside the resize instead of on a full-resolution copy.
/// </summary>
public interface IRowSource
{
    int Width { get; }

    int Height { get; }

    /// <summary>Interleaved 8-bit channels per pixel of the rows this source returns.</summary>
    int Channels { get; }

    /// <summary>Row <paramref name="y"/>: either a view of the image or <paramref name="scratch"/> (Width·Channels bytes) filled.</summary>
    ReadOnlySpan<byte> Row(int y, Span<byte> scratch);
}
