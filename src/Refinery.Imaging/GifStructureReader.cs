using System.Buffers.Binary;

namespace Refinery.Imaging;

/// <summary>
/// Reads a GIF's logical screen size and checks that its first frame — the one OpenCV decodes — lies inside it: a
/// frame that overhangs the screen leaves the size to the decoder's judgement, so it is refused.
/// </summary>
internal static class GifStructureReader
{
    private const int ScreenDescriptorEnd = 13;
    private const byte ExtensionIntroducer = 0x21;
    private const byte ImageSeparator = 0x2C;

    public static ImageStructure Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < ScreenDescriptorEnd)
        {
            return ImageStructure.Unread;
        }

        var screen = new ImageDimensions(BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..]));
        var flags = data[10];
        var position = ScreenDescriptorEnd + ((flags & 0x80) != 0 ? 3 * (1 << ((flags & 0x07) + 1)) : 0);
        while (position < data.Length && data[position] == ExtensionIntroducer)
        {
            position += 2; // introducer and label, then data sub-blocks up to an empty one
            while (position < data.Length && data[position] != 0)
            {
                position += data[position] + 1;
            }

            position++;
        }

        // Image descriptor: separator, left, top, width, height (16-bit little-endian each).
        if (position + 9 <= data.Length && data[position] == ImageSeparator)
        {
            var left = BinaryPrimitives.ReadUInt16LittleEndian(data[(position + 1)..]);
            var top = BinaryPrimitives.ReadUInt16LittleEndian(data[(position + 3)..]);
            var frame = new ImageDimensions(BinaryPrimitives.ReadUInt16LittleEndian(data[(position + 5)..]), BinaryPrimitives.ReadUInt16LittleEndian(data[(position + 7)..]));
            if (left + frame.Width > screen.Width || top + frame.Height > screen.Height)
            {
                return new ImageStructure(
                    screen, $"the GIF's first frame ({frame} at {left},{top}) overhangs its {screen} screen: its header is ambiguous, so it is not decoded");
            }
        }

        // OpenCV decodes GIFs to BGRA, through an index buffer of a byte per pixel.
        return new ImageStructure(screen, null, Layout: PixelLayout.ColorWithAlpha);
    }
}
