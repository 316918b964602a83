using System.Buffers.Binary;

namespace Refinery.Imaging;

/// <summary>
/// Walks a PNG's chunks to find its IHDR size and its IEND chunk. OpenCV decodes a PNG cut short in its IDAT data
/// into a partly blank image, so a missing IEND is how a truncated file is told apart. A second IHDR is refused:
/// the size checked before decoding must be the one decoded.
/// </summary>
internal static class PngStructureReader
{
    private const int SignatureLength = 8;

    public static ImageStructure Read(ReadOnlySpan<byte> data)
    {
        ImageDimensions? dimensions = null;
        byte? bitDepth = null;
        byte? colourType = null;
        var transparency = false;
        long position = SignatureLength;
        while (position + 8 <= data.Length)
        {
            var chunk = data[(int)position..];
            long length = BinaryPrimitives.ReadUInt32BigEndian(chunk);
            var type = chunk[4..8];
            if (type.SequenceEqual("IEND"u8))
            {
                return new ImageStructure(dimensions, null, ChannelsOf(colourType), LayoutOf(bitDepth, colourType, transparency));
            }

            if (type.SequenceEqual("IHDR"u8) && chunk.Length >= 16)
            {
                if (dimensions is not null)
                {
                    return new ImageStructure(dimensions, "the PNG has more than one IHDR chunk: its header is ambiguous, so it is not decoded");
                }

                dimensions = new ImageDimensions(
                    (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(chunk[8..]), int.MaxValue),
                    (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(chunk[12..]), int.MaxValue));
                bitDepth = chunk.Length > 16 ? chunk[16] : null;
                colourType = chunk.Length > 17 ? chunk[17] : null;
            }

            transparency |= type.SequenceEqual("tRNS"u8);

            // length, type, data and CRC
            position += 12 + length;
        }

        return new ImageStructure(dimensions, "the PNG data ends before its IEND chunk: the file is truncated", ChannelsOf(colourType));
    }

    /// <summary>Channels stored per PNG colour type: gray, -, RGB, palette, gray+alpha, -, RGBA.</summary>
    private static int? ChannelsOf(byte? colourType) => colourType switch
    {
        0 => 1,
        2 or 3 => 3,
        4 => 2,
        6 => 4,
        _ => null,
    };

    /// <summary>
    /// OpenCV's unchanged decode: a palette expands to BGR, gray+alpha to BGRA, and a tRNS chunk adds an alpha channel
    /// to any type; 16-bit samples stay 16-bit.
    /// </summary>
    private static PixelLayout? LayoutOf(byte? bitDepth, byte? colourType, bool transparency)
    {
        if (bitDepth is not { } bits || ChannelsOf(colourType) is not { } stored)
        {
            return null;
        }

        var channels = transparency || stored == 2 ? 4 : stored;
        return new PixelLayout(channels, PixelLayout.BytesFor(bits));
    }
}
