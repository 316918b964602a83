using System.Buffers.Binary;

namespace Refinery.Imaging;

/// <summary>
/// Reads a TIFF's first directory — the page OpenCV decodes — for its size and pixel layout. A tag given twice is
/// refused: libtiff believes the first, a reader that kept the last would check a size other than the one decoded.
/// </summary>
internal static class TiffStructureReader
{
    private const int EntrySize = 12;
    private const ushort ShortType = 3;
    private const ushort ImageWidth = 256;
    private const ushort ImageLength = 257;
    private const ushort BitsPerSample = 258;
    private const ushort Photometric = 262;
    private const ushort SamplesPerPixel = 277;

    public static ImageStructure Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8)
        {
            return ImageStructure.Unread;
        }

        var bigEndian = data[0] == (byte)'M';
        var directory = ReadUInt32(data, 4, bigEndian);
        if (directory + 2 > data.Length)
        {
            return ImageStructure.Unread;
        }

        var values = new Dictionary<ushort, int>();
        var entries = ReadUInt16(data, (int)directory, bigEndian);
        for (var index = 0; index < entries; index++)
        {
            var entry = (int)directory + 2 + (index * EntrySize);
            if (entry + EntrySize > data.Length)
            {
                break;
            }

            var tag = ReadUInt16(data, entry, bigEndian);
            if (tag is not (ImageWidth or ImageLength or BitsPerSample or Photometric or SamplesPerPixel))
            {
                continue;
            }

            if (!values.TryAdd(tag, FirstValue(data, entry, bigEndian)))
            {
                return new ImageStructure(null, $"the TIFF gives tag {tag} twice in its first directory: its header is ambiguous, so it is not decoded");
            }
        }

        if (!values.TryGetValue(ImageWidth, out var width) || !values.TryGetValue(ImageLength, out var height))
        {
            return ImageStructure.Unread;
        }

        return new ImageStructure(
            new ImageDimensions(width, height),
            null,
            Layout: LayoutOf(values.GetValueOrDefault(SamplesPerPixel, 1), values.GetValueOrDefault(BitsPerSample, 1), values.GetValueOrDefault(Photometric, 1)));
    }

    /// <summary>
    /// OpenCV keeps gray and RGB samples as they are and reads every other photometric interpretation (palette,
    /// YCbCr, CMYK…) through libtiff's RGBA interface; gray+alpha and extra samples widen to four channels.
    /// </summary>
    private static PixelLayout LayoutOf(int samples, int bits, int photometric)
    {
        var channels = photometric is 0 or 1 or 2 ? samples switch
        {
            1 => 1,
            3 => 3,
            _ => 4,
        } : 4;
        return new PixelLayout(channels, PixelLayout.BytesFor(bits));
    }

    /// <summary>An entry's first value: SHORT (3) values sit in the value field when they fit, else at the offset it holds; LONG fills it.</summary>
    private static int FirstValue(ReadOnlySpan<byte> data, int entry, bool bigEndian)
    {
        var isShort = ReadUInt16(data, entry + 2, bigEndian) == ShortType;
        if (!isShort)
        {
            return (int)Math.Min(ReadUInt32(data, entry + 8, bigEndian), int.MaxValue);
        }

        var count = ReadUInt32(data, entry + 4, bigEndian);
        var at = count <= 2 ? entry + 8 : (long)ReadUInt32(data, entry + 8, bigEndian);
        return at + 2 <= data.Length ? ReadUInt16(data, (int)at, bigEndian) : 0;
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> data, int at, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data[at..]) : BinaryPrimitives.ReadUInt32LittleEndian(data[at..]);

    private static ushort ReadUInt16(ReadOnlySpan<byte> data, int at, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(data[at..]) : BinaryPrimitives.ReadUInt16LittleEndian(data[at..]);
}
