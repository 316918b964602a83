using System.Buffers.Binary;
using System.IO.Compression;
using OpenCvSharp;

namespace Refinery.TestSupport;

/// <summary>Images made in the test with OpenCV, textured so encoders produce real entropy-coded data.</summary>
public static class TexturedImages
{
    public static Mat Color(int width, int height)
    {
        var image = new Mat(height, width, MatType.CV_8UC3);
        Cv2.Randu(image, Scalar.All(0), Scalar.All(255));
        return image;
    }

    public static byte[] Encode(Mat image, string extension)
    {
        Cv2.ImEncode(extension, image, out var bytes);
        return bytes;
    }

    public static byte[] Jpeg(int width = 100, int height = 80)
    {
        using var image = Color(width, height);
        return Encode(image, ".jpg");
    }

    public static byte[] Png(int width = 100, int height = 80)
    {
        using var image = Color(width, height);
        return Encode(image, ".png");
    }

    public static byte[] GrayPng(int width = 100, int height = 80)
    {
        using var color = Color(width, height);
        using var gray = color.CvtColor(ColorConversionCodes.BGR2GRAY);
        return Encode(gray, ".png");
    }

    /// <summary>
    /// A gray+alpha PNG (colour type 4), written by hand because OpenCV cannot encode two channels.
    /// </summary>
    public static byte[] GrayAlphaPng(int width, int height)
    {
        using var pixels = new MemoryStream();
        using (var deflate = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                deflate.WriteByte(0);
                for (var x = 0; x < width; x++)
                {
                    deflate.WriteByte((byte)(x * 7));
                    deflate.WriteByte(255);
                }
            }
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 4;
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", pixels.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
