using System.Runtime.Intrinsics;

namespace Refinery.Imaging;

/// <summary>
/// Eight interleaved 8-bit BGR pixels (24 bytes) split into their three channels, each widened to 32-bit lanes, so
/// that per-pixel arithmetic on a decoded row runs eight pixels at a time.
/// </summary>
public static class BgrLanes
{
    /// <summary>Pixels per step.</summary>
    public const int Pixels = 8;

    /// <summary>Bytes per step.</summary>
    public const int Bytes = 3 * Pixels;

    /// <summary>The channels of the eight pixels at the start of <paramref name="bgr"/> (at least <see cref="Bytes"/> long).</summary>
    public static (Vector256<int> Blue, Vector256<int> Green, Vector256<int> Red) Load(ReadOnlySpan<byte> bgr)
    {
        // Two 16-byte loads at 0 and 8; pixels 0–4 come from the first, 5–7 from the second, each byte into the low half
        // of a 16-bit lane (index 0xFF gives 0).
        var low = Vector128.Create(bgr[..16]);
        var high = Vector128.Create(bgr.Slice(8, 16));
        var blue = Vector128.Shuffle(low, Vector128.Create((byte)0, 0xFF, 3, 0xFF, 6, 0xFF, 9, 0xFF, 12, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF))
            | Vector128.Shuffle(high, Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 7, 0xFF, 10, 0xFF, 13, 0xFF));
        var green = Vector128.Shuffle(low, Vector128.Create((byte)1, 0xFF, 4, 0xFF, 7, 0xFF, 10, 0xFF, 13, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF))
            | Vector128.Shuffle(high, Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 8, 0xFF, 11, 0xFF, 14, 0xFF));
        var red = Vector128.Shuffle(low, Vector128.Create((byte)2, 0xFF, 5, 0xFF, 8, 0xFF, 11, 0xFF, 14, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF))
            | Vector128.Shuffle(high, Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 9, 0xFF, 12, 0xFF, 15, 0xFF));
        return (Widen(blue), Widen(green), Widen(red));
    }

    private static Vector256<int> Widen(Vector128<byte> sixteenBitLanes)
    {
        var values = sixteenBitLanes.AsUInt16();
        return Vector256.Create(Vector128.WidenLower(values), Vector128.WidenUpper(values)).AsInt32();
    }
}
