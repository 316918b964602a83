using System.Buffers.Binary;

namespace Refinery.Imaging;

/// <summary>
/// Reads an image's declared size and pixel layout and checks its framing for truncation and self-contradiction from
/// the bytes alone, so the decoder can refuse oversized, incomplete or ambiguous files before OpenCV allocates anything.
/// </summary>
public static class ImageStructureReader
{
    public static ImageStructure Read(ReadOnlySpan<byte> data, ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => JpegStructureReader.Read(data),
        ImageFormat.Png => PngStructureReader.Read(data),
        ImageFormat.Bmp => ReadBmp(data),
        ImageFormat.Gif => GifStructureReader.Read(data),
        ImageFormat.Webp => ReadWebp(data),
        ImageFormat.Tiff => TiffStructureReader.Read(data),
        _ => ImageStructure.Unread,
    };

    private static ImageStructure ReadBmp(ReadOnlySpan<byte> data)
    {
        if (data.Length < 26)
        {
            return ImageStructure.Unread;
        }

        var headerSize = BinaryPrimitives.ReadUInt32LittleEndian(data[14..]);
        // Bits per pixel sit at 24 in the OS/2 header and at 28 in the Windows ones; only 32-bit pixels keep an alpha channel.
        if (headerSize == 12)
        {
            return new ImageStructure(
                new ImageDimensions(BinaryPrimitives.ReadUInt16LittleEndian(data[18..]), BinaryPrimitives.ReadUInt16LittleEndian(data[20..])),
                null,
                Layout: BmpLayout(BinaryPrimitives.ReadUInt16LittleEndian(data[24..])));
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
        var layout = BmpLayout(bitsPerPixel);
        if (compression != 0 || bitsPerPixel == 0)
        {
            return new ImageStructure(dimensions, null, Layout: layout);
        }

        var rowBytes = ((((long)dimensions.Width * bitsPerPixel) + 31) / 32) * 4;
        var expected = pixelOffset + (rowBytes * dimensions.Height);
        return expected > data.Length
            ? new ImageStructure(dimensions, $"the BMP pixel data is {expected - data.Length} bytes shorter than its header says: the file is truncated")
            : new ImageStructure(dimensions, null, Layout: layout);
    }

    private static PixelLayout BmpLayout(int bitsPerPixel) => bitsPerPixel == 32 ? PixelLayout.ColorWithAlpha : PixelLayout.Color;

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

        // libwebp decodes into BGRA when the image has alpha; counting it always costs a third more at most.
        return new ImageStructure(dimensions, damage, Layout: PixelLayout.ColorWithAlpha);
    }

    private static int ReadUInt24(ReadOnlySpan<byte> data) => data[0] | (data[1] << 8) | (data[2] << 16);
}
