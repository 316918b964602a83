using System.Buffers.Binary;
using System.Runtime.Intrinsics;

namespace Refinery.Imaging;

/// <summary>Eight consecutive 8-bit values widened to 32-bit lanes, for integer arithmetic on rows of one channel.</summary>
public static class ByteLanes
{
    /// <summary>The eight bytes at the start of <paramref name="bytes"/> (at least eight long) as eight lanes.</summary>
    public static Vector256<int> WidenEight(ReadOnlySpan<byte> bytes)
    {
        var packed = Vector128.CreateScalarUnsafe(BinaryPrimitives.ReadUInt64LittleEndian(bytes)).AsByte();
        var shorts = Vector128.WidenLower(packed);
        return Vector256.Create(Vector128.WidenLower(shorts), Vector128.WidenUpper(shorts)).AsInt32();
    }
}
