using System.Buffers.Binary;

namespace Refinery.Imaging;

/// <summary>
/// Walks a PNG's chunks to find its IHDR size and its IEND chunk. OpenCV decodes a PNG cut short in its IDAT data
/// into a partly blank image, so a missing IEND is how a truncated file is told apart.
/// </summary>
internal static class PngStructureReader
{
    private const int SignatureLength = 8;

    public static ImageStructure Read(ReadOnlySpan<byte> data)
    {
        ImageDimensions? dimensions = null;
        int? channels = null;
        long position = SignatureLength;
        while (position + 8 <= data.Length)
        {
            var chunk = data[(int)position..];
            long length = BinaryPrimitives.ReadUInt32BigEndian(chunk);
            var type = chunk[4..8];
            if (type.SequenceEqual("IEND"u8))
            {
                return new ImageStructure(dimensions, null, channels);
            }

            if (type.SequenceEqual("IHDR"u8) && chunk.Length >= 16)
            {
                dimensions = new ImageDimensions(
                    (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(chunk[8..]), int.MaxValue),
                    (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(chunk[12..]), int.MaxValue));
                channels = chunk.Length > 17 ? ChannelsOf(chunk[17]) : null;
            }

            // length, type, data and CRC
            position += 12 + length;
        }

        return new ImageStructure(dimensions, "the PNG data ends before its IEND chunk: the file is truncated", channels);
    }

    /// <summary>Channels stored per PNG colour type: gray, -, RGB, palette, gray+alpha, -, RGBA.</summary>
    private static int? ChannelsOf(byte colourType) => colourType switch
    {
        0 => 1,
        2 or 3 => 3,
        4 => 2,
        6 => 4,
        _ => null,
    };
}
