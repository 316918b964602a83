using System.Buffers.Binary;

namespace Refinery.Imaging.Analysis;

/// <summary>
/// Reads format, size and completeness from an encoded image's header, so that over-large images are refused before
/// decoding allocates their pixels, and truncated files are caught although libjpeg would decode them grey-filled.
/// </summary>
public static class EncodedImageInspector
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The header's facts, or null when the bytes are not a JPEG, PNG or BMP whose size can be read.</summary>
    public static EncodedImageInfo? Inspect(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length >= 4 && encoded[0] == 0xFF && encoded[1] == 0xD8)
        {
            return InspectJpeg(encoded);
        }

        if (encoded.Length >= 24 && encoded.StartsWith(PngSignature))
        {
            return InspectPng(encoded);
        }

        if (encoded.Length >= 26 && encoded[0] == (byte)'B' && encoded[1] == (byte)'M')
        {
            return InspectBmp(encoded);
        }

        return null;
    }

    private static EncodedImageInfo? InspectJpeg(ReadOnlySpan<byte> data)
    {
        var position = 2;
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0xFF)
            {
                return null;
            }

            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD8))
            {
                position += 2; // markers without a length
                continue;
            }

            if (marker == 0xDA)
            {
                return null; // a scan before any frame header: not a JPEG we can size
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            var isFrameHeader = marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);
            if (isFrameHeader)
            {
                if (position + 9 > data.Length)
                {
                    return null;
                }

                int height = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 5)..]);
                int width = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 7)..]);
                return new EncodedImageInfo(EncodedImageFormat.Jpeg, width, height, JpegHasEndAfterLastScan(data));
            }

            position += 2 + length;
        }

        return null;
    }

    // Entropy-coded data stuffs every 0xFF as FF 00, so FF DA only occurs as a real start-of-scan marker: a complete
    // file has an end-of-image marker after its last scan, wherever trailers (maker notes, appended data) follow it.
    private static bool JpegHasEndAfterLastScan(ReadOnlySpan<byte> data)
    {
        var lastScan = data.LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA]);
        return lastScan >= 0 && data[lastScan..].IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) >= 0;
    }

    private static EncodedImageInfo? InspectPng(ReadOnlySpan<byte> data)
    {
        if (!data.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(data[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[20..]);
        if (width > int.MaxValue || height > int.MaxValue)
        {
            return null;
        }

        // IEND closes the file; a few KiB of slack tolerates trailing junk some writers append after it.
        var tail = data[Math.Max(0, data.Length - 4096)..];
        return new EncodedImageInfo(EncodedImageFormat.Png, (int)width, (int)height, tail.IndexOf("IEND"u8) >= 0);
    }

    private static EncodedImageInfo? InspectBmp(ReadOnlySpan<byte> data)
    {
        var declaredSize = BinaryPrimitives.ReadUInt32LittleEndian(data[2..]);
        var headerSize = BinaryPrimitives.ReadUInt32LittleEndian(data[14..]);
        int width;
        int height;
        if (headerSize == 12)
        {
            width = BinaryPrimitives.ReadUInt16LittleEndian(data[18..]);
            height = BinaryPrimitives.ReadUInt16LittleEndian(data[20..]);
        }
        else
        {
            width = BinaryPrimitives.ReadInt32LittleEndian(data[18..]);
            height = BinaryPrimitives.ReadInt32LittleEndian(data[22..]);
            if (height == int.MinValue)
            {
                return null;
            }

            height = Math.Abs(height); // negative height marks a top-down bitmap
        }

        if (width <= 0)
        {
            return null;
        }

        var isComplete = declaredSize == 0 || data.Length >= declaredSize; // some writers leave bfSize at 0
        return new EncodedImageInfo(EncodedImageFormat.Bmp, width, height, isComplete);
    }
}
