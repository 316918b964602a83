namespace Refinery.Imaging;

/// <summary>
/// How OpenCV lays out one pixel when it decodes a file unchanged, as far as the header tells: the channels it
/// produces (which can exceed those stored: a palette or a transparency chunk decodes to four) and the bytes per channel.
/// </summary>
public readonly record struct PixelLayout(int Channels, int BytesPerChannel)
{
    public int BytesPerPixel => Channels * BytesPerChannel;

    /// <summary>8-bit BGR, what most decodes produce.</summary>
    public static PixelLayout Color { get; } = new(3, 1);

    /// <summary>8-bit BGRA, what formats that may carry transparency (GIF, WebP) decode to.</summary>
    public static PixelLayout ColorWithAlpha { get; } = new(4, 1);

    /// <summary>Bytes per channel for a sample of <paramref name="bits"/> bits (1-bit and 4-bit samples widen to bytes).</summary>
    public static int BytesFor(int bits) => bits switch
    {
        <= 8 => 1,
        <= 16 => 2,
        <= 32 => 4,
        _ => 8,
    };
}
