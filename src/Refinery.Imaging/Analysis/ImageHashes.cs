using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using OpenCvSharp;

namespace Refinery.Imaging.Analysis;

/// <summary>The two hashes duplicate detection groups by: exact (decoded pixels) and perceptual (pHash, imagehash's definition).</summary>
public static class ImageHashes
{
    private const int PhashInputSide = 32;
    private const int PhashLowSide = 8;

    // Pillow's LANCZOS widens its kernel with the scale factor (antialiasing); OpenCV's INTER_LANCZOS4 is a fixed
    // 8×8 kernel that aliases on large reductions. Shrinking by area to 4× the target first gives the antialiasing,
    // the final Lanczos step the filter shape.
    private const int PhashPreShrinkSide = 4 * PhashInputSide;

    /// <summary>
    /// XxHash3 (64-bit) of the decoded pixel buffer as stored (cleanvision hashes <c>numpy.asarray(image).tobytes()</c>),
    /// prefixed with width, height and Mat type so that equal bytes in different shapes do not collide. For N images
    /// the chance of any false match is about N²/2⁶⁵ (3·10⁻⁸ for a million).
    /// </summary>
    public static ulong Exact(Mat stored)
    {
        using var continuous = stored.IsContinuous() ? null : stored.Clone();
        Span<byte> shape = stackalloc byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(shape, stored.Cols);
        BinaryPrimitives.WriteInt32LittleEndian(shape[4..], stored.Rows);
        BinaryPrimitives.WriteInt32LittleEndian(shape[8..], stored.Type().Value);
        var hash = new XxHash3();
        hash.Append(shape);
        hash.Append((continuous ?? stored).AsSpan<byte>());
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>
    /// pHash as imagehash's <c>phash(hash_size=8)</c>: grey image → 32×32 (INTER_AREA to at most 128×128, then
    /// INTER_LANCZOS4) → unnormalised 2-D DCT-II (scipy.fftpack convention) → top-left 8×8 → bit = coefficient &gt;
    /// median of those 64, row-major, first coefficient in the most significant bit (imagehash's hex string order).
    /// </summary>
    public static ulong Perceptual(Mat grey)
    {
        using var preShrunk = new Mat();
        if (grey.Cols > PhashPreShrinkSide || grey.Rows > PhashPreShrinkSide)
        {
            var size = new Size(Math.Min(grey.Cols, PhashPreShrinkSide), Math.Min(grey.Rows, PhashPreShrinkSide));
            Cv2.Resize(grey, preShrunk, size, 0, 0, InterpolationFlags.Area);
        }
        else
        {
            grey.CopyTo(preShrunk);
        }

        using var small = new Mat();
        Cv2.Resize(preShrunk, small, new Size(PhashInputSide, PhashInputSide), 0, 0, InterpolationFlags.Lanczos4);
        using var asFloat = new Mat();
        small.ConvertTo(asFloat, MatType.CV_32F);
        using var dct = new Mat();
        Cv2.Dct(asFloat, dct, DctFlags.None);

        // OpenCV's DCT is orthonormal: index 0 is scaled by sqrt(1/4N), the others by sqrt(1/2N). scipy's unnormalised
        // DCT differs by a constant except that row 0 and column 0 weigh sqrt(2) more, which moves the median.
        Span<double> low = stackalloc double[PhashLowSide * PhashLowSide];
        for (var row = 0; row < PhashLowSide; row++)
        {
            for (var col = 0; col < PhashLowSide; col++)
            {
                var scale = (row == 0 ? Math.Sqrt(2) : 1) * (col == 0 ? Math.Sqrt(2) : 1);
                low[(row * PhashLowSide) + col] = dct.At<float>(row, col) * scale;
            }
        }

        Span<double> sorted = stackalloc double[low.Length];
        low.CopyTo(sorted);
        sorted.Sort();
        var median = (sorted[(low.Length / 2) - 1] + sorted[low.Length / 2]) / 2;
        ulong bits = 0;
        foreach (var coefficient in low)
        {
            bits = (bits << 1) | (coefficient > median ? 1UL : 0UL);
        }

        return bits;
    }

    /// <summary>16 lower-case hex digits, zero-padded: imagehash's string form.</summary>
    public static string ToHex(ulong hash) => hash.ToString("x16", CultureInfo.InvariantCulture);

    public static ulong FromHex(string hex) => ulong.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>Bits in which two hashes differ.</summary>
    public static int HammingDistance(ulong first, ulong second) => System.Numerics.BitOperations.PopCount(first ^ second);
}
