using System.Buffers.Binary;
using System.Runtime.Intrinsics;

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

    /// <summary>
    /// Converts a row of BGR (3 channels; eight pixels per vector step) or BGRA (4; alpha ignored, as Pillow's
    /// RGBA → L ignores it) pixels.
    /// </summary>
    public static void ConvertRow(ReadOnlySpan<byte> bgr, int channels, Span<byte> luma)
    {
        if (channels is not (3 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Luma is converted from 3 (BGR) or 4 (BGRA) channels.");
        }

        int x = 0, offset = 0;
        if (channels == 3 && Vector256.IsHardwareAccelerated)
        {
            for (; x + BgrLanes.Pixels <= luma.Length; x += BgrLanes.Pixels, offset += BgrLanes.Bytes)
            {
                var (blue, green, red) = BgrLanes.Load(bgr[offset..]);
                var values = Vector256.ShiftRightArithmetic((red * RedWeight) + (green * GreenWeight) + (blue * BlueWeight) + Vector256.Create(Half), 16).AsUInt32();
                var words = Vector128.Narrow(values.GetLower(), values.GetUpper());
                BinaryPrimitives.WriteUInt64LittleEndian(luma[x..], Vector128.Narrow(words, words).AsUInt64().ToScalar());
            }
        }

        for (; x < luma.Length; x++, offset += channels)
        {
            luma[x] = Of(bgr[offset + 2], bgr[offset + 1], bgr[offset]);
        }
    }
}
