namespace Refinery.Imaging.Resampling;

/// <summary>
/// Pillow's conversion to mode <c>L</c>: ITU-R 601-2 luma in 16-bit fixed point,
/// <c>L = (19595·R + 38470·G + 7471·B + 0x8000) &gt;&gt; 16</c> (Convert.c; palette images use the same formula on their
/// palette entries, so a decoded palette image converts to the same grey). OpenCV's BGR2GRAY rounds differently.
/// </summary>
public static class PillowLuma
{
    private const int RedWeight = 19595;
    private const int GreenWeight = 38470;
    private const int BlueWeight = 7471;
    private const int Half = 0x8000;

    /// <summary>The luma of one pixel.</summary>
    public static byte Of(byte red, byte green, byte blue) =>
        (byte)(((RedWeight * red) + (GreenWeight * green) + (BlueWeight * blue) + Half) >> 16);

    /// <summary>Converts a row of BGR (3 channels) or BGRA (4; alpha ignored, as Pillow's RGBA → L ignores it) pixels.</summary>
    public static void ConvertRow(ReadOnlySpan<byte> bgr, int channels, Span<byte> luma)
    {
        if (channels is not (3 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Luma is converted from 3 (BGR) or 4 (BGRA) channels.");
        }

        for (int x = 0, offset = 0; x < luma.Length; x++, offset += channels)
        {
            luma[x] = Of(bgr[offset + 2], bgr[offset + 1], bgr[offset]);
        }
    }
}
