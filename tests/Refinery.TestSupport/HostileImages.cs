using System.Buffers.Binary;
using System.Text;

namespace Refinery.TestSupport;

/// <summary>
/// Small files whose headers promise a 12000×12000 image to any decoder that believes them: what an attacker uploads
/// to make a server allocate gigabytes. Each is a few hundred bytes.
/// </summary>
public static class HostileImages
{
    public const int Side = 12_000;

    /// <summary>A Radiance HDR header (OpenCV decodes it as float RGB: 1.7 GB) with a few bytes of scanline.</summary>
    public static byte[] RadianceHdr() =>
        [.. Encoding.ASCII.GetBytes($"#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y {Side} +X {Side}\n"), .. Enumerable.Repeat((byte)2, 64)];

    /// <summary>A binary PBM header (OpenCV decodes it as 8-bit gray: 144 MB) with a few bytes of bits.</summary>
    public static byte[] Pbm() => [.. Encoding.ASCII.GetBytes($"P4\n{Side} {Side}\n"), .. new byte[64]];

    /// <summary>
    /// An 8-bit gray TIFF whose directory gives its width and height twice: 12000×12000 first (what libtiff believes),
    /// 16×16 last (what a reader keeping the last tag would check).
    /// </summary>
    public static byte[] TiffWithDuplicateSize()
    {
        (ushort Tag, ushort Type, uint Value)[] entries =
        [
            (256, 4, Side), (257, 4, Side), (258, 3, 8), (259, 3, 1), (262, 3, 1), (273, 4, 0), (277, 3, 1), (278, 4, Side),
            (279, 4, 256), (256, 3, 16), (257, 3, 16),
        ];
        var directoryEnd = 8 + 2 + (entries.Length * 12) + 4;
        var data = new byte[directoryEnd + 256];
        "II*\0"u8.CopyTo(data);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(8), (ushort)entries.Length);
        for (var index = 0; index < entries.Length; index++)
        {
            var (tag, type, value) = entries[index];
            var entry = data.AsSpan(10 + (index * 12));
            BinaryPrimitives.WriteUInt16LittleEndian(entry, tag);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 1);
            var stored = tag == 273 ? (uint)directoryEnd : value;
            if (type == 3)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(entry[8..], (ushort)stored);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], stored);
            }
        }

        return data;
    }
}
