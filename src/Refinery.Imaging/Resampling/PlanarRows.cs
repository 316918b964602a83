using System.Runtime.Intrinsics;

namespace Refinery.Imaging.Resampling;

/// <summary>Splits a row of interleaved 8-bit channels into one plane per channel, so each can be filtered as contiguous bytes.</summary>
public static class PlanarRows
{
    private const int Pixels = 16;
    private const int BgrBytes = 3 * Pixels;

    /// <summary>Writes channel <c>c</c> of <paramref name="row"/> to <c>planes[c·planeStride ..]</c>.</summary>
    public static void Split(ReadOnlySpan<byte> row, int channels, Span<byte> planes, int planeStride)
    {
        var width = row.Length / channels;
        if (channels == 1)
        {
            row.CopyTo(planes);
            return;
        }

        var x = 0;
        if (channels == 3 && Vector128.IsHardwareAccelerated)
        {
            // Sixteen pixels are three 16-byte vectors; each channel gathers its bytes from all three (index 0xFF gives 0).
            for (var offset = 0; offset + BgrBytes <= row.Length; x += Pixels, offset += BgrBytes)
            {
                var first = Vector128.Create(row[offset..]);
                var second = Vector128.Create(row[(offset + Pixels)..]);
                var third = Vector128.Create(row[(offset + (2 * Pixels))..]);
                var blue = Vector128.Shuffle(first, Vector128.Create((byte)0, 3, 6, 9, 12, 15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF))
                    | Vector128.Shuffle(second, Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 2, 5, 8, 11, 14, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF))
                    | Vector128.Shuffle(third, Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 1, 4, 7, 10, 13));
                var green = Vector128.Shuffle(first, Vector128.Create((byte)1, 4, 7, 10, 13, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF))
                    | Vector128.Shuffle(second, Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 3, 6, 9, 12, 15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF))
                    | Vector128.Shuffle(third, Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 2, 5, 8, 11, 14));
                var red = Vector128.Shuffle(first, Vector128.Create((byte)2, 5, 8, 11, 14, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF))
                    | Vector128.Shuffle(second, Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 1, 4, 7, 10, 13, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF))
                    | Vector128.Shuffle(third, Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 3, 6, 9, 12, 15));
                blue.CopyTo(planes[x..]);
                green.CopyTo(planes[(planeStride + x)..]);
                red.CopyTo(planes[((2 * planeStride) + x)..]);
            }
        }

        for (var offset = x * channels; x < width; x++)
        {
            for (var channel = 0; channel < channels; channel++, offset++)
            {
                planes[(channel * planeStride) + x] = row[offset];
            }
        }
    }
}
