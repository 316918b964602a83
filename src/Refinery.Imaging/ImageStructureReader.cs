using System.Buffers.Binary;

namespace Refinery.Imaging;

/// <summary>
/// Reads an image's declared size and checks its framing for truncation from the bytes alone, so the decoder can
/// refuse oversized or incomplete files before OpenCV allocates anything.
/// </summary>
public static class ImageStructureReader
{
    public static ImageStructure Read(ReadOnlySpan<byte> data, ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => JpegStructureReader.Read(data),
        ImageFormat.Png => PngStructureReader.Read(data),
        ImageFormat.Bmp => ReadBmp(data),
        ImageFormat.Gif => new ImageStructure(
            data.Length >= 10 ? new ImageDimensions(BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..])) : null,
            null),
        ImageFormat.Webp => ReadWebp(data),
        ImageFormat.Tiff => new ImageStructure(ReadTiffDimensions(data), null),
        _ => ImageStructure.Unread,
    };

    private static ImageStructure ReadBmp(ReadOnlySpan<byte> data)
    {
        if (data.Length < 26)
        {
            return ImageStructure.Unread;
        }

        var headerSize = BinaryPrimitives.ReadUInt32LittleEndian(data[14..]);
        if (headerSize == 12)
        {
            return new ImageStructure(new ImageDimensions(BinaryPrimitives.ReadUInt16LittleEndian(data[18..]), BinaryPrimitives.ReadUInt16LittleEndian(data[20..])), null);
        }

        if (headerSize < 40 || data.Length < 34)
        {
            return ImageStructure.Unread;
        }

        var width = BinaryPrimitives.ReadInt32LittleEndian(data[18..]);
        var height = BinaryPrimitives.ReadInt32LittleEndian(data[22..]);
        if (width <= 0 || height == 0 || height == int.MinValue)
        {
            return ImageStructure.Unread;
        }

        // Negative height means rows stored top-down.
        var dimensions = new ImageDimensions(width, Math.Abs(height));

        // Only uncompressed (BI_RGB) pixel data has a size the header fixes; compressed bitmaps are left to OpenCV.
        var bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(data[28..]);
        var compression = BinaryPrimitives.ReadUInt32LittleEndian(data[30..]);
        var pixelOffset = BinaryPrimitives.ReadUInt32LittleEndian(data[10..]);
        if (compression != 0 || bitsPerPixel == 0)
        {
            return new ImageStructure(dimensions, null);
        }

        var rowBytes = ((((long)dimensions.Width * bitsPerPixel) + 31) / 32) * 4;
        var expected = pixelOffset + (rowBytes * dimensions.Height);
        return expected > data.Length
            ? new ImageStructure(dimensions, $"the BMP pixel data is {expected - data.Length} bytes shorter than its header says: the file is truncated")
            : new ImageStructure(dimensions, null);
    }

    private static ImageStructure ReadWebp(ReadOnlySpan<byte> data)
    {
        if (data.Length < 12)
        {
            return ImageStructure.Unread;
        }

        var declared = 8L + BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        var damage = declared > data.Length
            ? $"the WebP data is {declared - data.Length} bytes shorter than its RIFF header says: the file is truncated"
            : null;
        if (data.Length < 30)
        {
            return new ImageStructure(null, damage);
        }

        var chunk = data[12..16];
        ImageDimensions? dimensions = null;
        if (chunk.SequenceEqual("VP8X"u8))
        {
            dimensions = new ImageDimensions(1 + ReadUInt24(data[24..]), 1 + ReadUInt24(data[27..]));
        }
        else if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            dimensions = new ImageDimensions(1 + (int)(bits & 0x3FFF), 1 + (int)((bits >> 14) & 0x3FFF));
        }
        else if (chunk.SequenceEqual("VP8 "u8))
        {
            dimensions = new ImageDimensions(BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF);
        }

        return new ImageStructure(dimensions, damage);
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> data, int at, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data[at..]) : BinaryPrimitives.ReadUInt32LittleEndian(data[at..]);

    private static ushort ReadUInt16(ReadOnlySpan<byte> data, int at, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(data[at..]) : BinaryPrimitives.ReadUInt16LittleEndian(data[at..]);

    private static int ReadUInt24(ReadOnlySpan<byte> data) => data[0] | (data[1] << 8) | (data[2] << 16);

    /// <summary>ImageWidth (256) and ImageLength (257) from the first IFD.</summary>
    private static ImageDimensions? ReadTiffDimensions(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8)
        {
            return null;
        }

        var bigEndian = data[0] == (byte)'M';

        var directory = ReadUInt32(data, 4, bigEndian);
        if (directory + 2 > data.Length)
        {
            return null;
        }

        int? width = null, height = null;
        var entries = ReadUInt16(data, (int)directory, bigEndian);
        for (var index = 0; index < entries; index++)
        {
            var entry = (int)directory + 2 + (index * 12);
            if (entry + 12 > data.Length)
            {
                break;
            }

            var tag = ReadUInt16(data, entry, bigEndian);
            if (tag is not (256 or 257))
            {
                continue;
            }

            // SHORT (3) values sit in the first two bytes of the value field, LONG (4) fill it.
            var value = ReadUInt16(data, entry + 2, bigEndian) == 3 ? ReadUInt16(data, entry + 8, bigEndian) : (int)Math.Min(ReadUInt32(data, entry + 8, bigEndian), int.MaxValue);
            if (tag == 256)
            {
                width = value;
            }
            else
            {
                height = value;
            }
        }

        return width is { } w && height is { } h ? new ImageDimensions(w, h) : null;
    }
}
