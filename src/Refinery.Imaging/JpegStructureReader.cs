using System.Buffers.Binary;

namespace Refinery.Imaging;

/// <summary>
/// Walks a JPEG's marker segments and entropy-coded scans to find its frame size and its end-of-image marker.
/// OpenCV half-decodes a truncated JPEG (grey bottom, only a warning on stderr), so a missing EOI is the only
/// reliable sign. Walking the structure, rather than looking at the last two bytes, accepts padding or data
/// appended after EOI (motion photos) and cannot be fooled by an EXIF thumbnail's own EOI (nor by its SOF, which
/// sits inside an APP segment). Two frame headers that disagree on the size are refused: which one a decoder
/// believes is its own affair, so the size checked before decoding might not be the size decoded.
/// </summary>
internal static class JpegStructureReader
{
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;

    public static ImageStructure Read(ReadOnlySpan<byte> data)
    {
        ImageDimensions? dimensions = null;
        PixelLayout? layout = null;
        var position = 2;
        while (true)
        {
            // libjpeg skips stray bytes before a marker with a warning; do the same so such files still pass.
            var next = data[position..].IndexOf((byte)0xFF);
            if (next < 0)
            {
                return Truncated(dimensions);
            }

            position += next;
            while (position < data.Length && data[position] == 0xFF)
            {
                position++;
            }

            if (position >= data.Length)
            {
                return Truncated(dimensions);
            }

            var marker = data[position++];
            if (marker == EndOfImage)
            {
                return new ImageStructure(dimensions, null, Layout: layout);
            }

            if (IsStandalone(marker))
            {
                continue;
            }

            if (position + 2 > data.Length)
            {
                return Truncated(dimensions);
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
            // SOF: length (2), sample precision (1), height (2), width (2), components (1).
            if (IsStartOfFrame(marker) && position + 8 <= data.Length)
            {
                var frame = new ImageDimensions(
                    BinaryPrimitives.ReadUInt16BigEndian(data[(position + 5)..]),
                    BinaryPrimitives.ReadUInt16BigEndian(data[(position + 3)..]));
                if (dimensions is { } first && first != frame)
                {
                    return new ImageStructure(
                        first, $"the JPEG declares two frame sizes, {first} and {frame}: its header is ambiguous, so it is not decoded");
                }

                dimensions = frame;
                layout = new PixelLayout(Math.Clamp((int)data[position + 7], 1, 4), PixelLayout.BytesFor(data[position + 2]));
            }

            position += length;
            if (position > data.Length)
            {
                return Truncated(dimensions);
            }

            if (marker == StartOfScan)
            {
                position = SkipEntropyCodedData(data, position);
                if (position < 0)
                {
                    return Truncated(dimensions);
                }
            }
        }
    }

    /// <summary>The position of the marker that ends a scan, or -1 when the data ends first.</summary>
    private static int SkipEntropyCodedData(ReadOnlySpan<byte> data, int position)
    {
        while (true)
        {
            var next = data[position..].IndexOf((byte)0xFF);
            if (next < 0 || position + next + 1 >= data.Length)
            {
                return -1;
            }

            position += next;
            var following = data[position + 1];

            // FF00 is a stuffed data byte and FFD0–FFD7 are restart markers: both belong to the scan.
            if (following == 0x00 || following is >= 0xD0 and <= 0xD7)
            {
                position += 2;
            }
            else if (following == 0xFF)
            {
                position += 1;
            }
            else
            {
                return position;
            }
        }
    }

    private static bool IsStandalone(byte marker) => marker is 0x01 or 0xD8 or (>= 0xD0 and <= 0xD7);

    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    private static ImageStructure Truncated(ImageDimensions? dimensions) =>
        new(dimensions, "the JPEG data ends before its end-of-image marker (FFD9): the file is truncated");
}
