using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using OpenCvSharp;
using Refinery.Imaging.Resampling;

namespace Refinery.Imaging.Analysis;

/// <summary>The two hashes duplicate detection groups by: exact (decoded pixels) and perceptual (pHash, imagehash's definition).</summary>
public static class ImageHashes
{
    private const int PhashInputSide = 32;
    private const int PhashLowSide = 8;

    // scipy.fftpack.dct's cosine factors for the low 8 frequencies over 32 samples: cos(π·k·(2n+1) / 64).
    private static readonly double[] _dctCosines = DctCosines();

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
    /// pHash exactly as imagehash's <c>phash(hash_size=8)</c>: Pillow's <c>convert("L")</c> of the full image, resized to
    /// 32×32 with Pillow's LANCZOS (<see cref="PillowResampler"/>), unnormalised 2-D DCT-II (scipy.fftpack: along
    /// columns, then rows) in double precision, top-left 8×8, bit = coefficient &gt; median of those 64, row-major, the
    /// first coefficient in the most significant bit (imagehash's hex string order).
    /// </summary>
    /// <param name="image">8-bit BGR, BGRA or grey pixels at full resolution: the displayed colours.</param>
    public static ulong Perceptual(Mat image)
    {
        using var small = PillowResampler.ResizeLuma(image, PhashInputSide, PhashInputSide, ResamplingFilter.Lanczos);
        var pixels = small.AsSpan<byte>();

        // Only the low 8 frequencies of the first (column) transform reach the top-left block of the second. Every
        // frequency above 0 ignores a constant, so subtracting the first value leaves it unchanged in exact arithmetic
        // and makes it exactly 0 on a flat line, as scipy's FFT gives: flat images and 1-pixel-wide ones have many
        // coefficients tied at the median, and rounding noise there would decide their bits.
        Span<double> columns = stackalloc double[PhashLowSide * PhashInputSide];
        for (var frequency = 0; frequency < PhashLowSide; frequency++)
        {
            var cosines = _dctCosines.AsSpan(frequency * PhashInputSide, PhashInputSide);
            for (var column = 0; column < PhashInputSide; column++)
            {
                var sum = 0.0;
                var reference = frequency == 0 ? 0 : pixels[column];
                for (var row = 0; row < PhashInputSide; row++)
                {
                    sum += (pixels[(row * PhashInputSide) + column] - reference) * cosines[row];
                }

                columns[(frequency * PhashInputSide) + column] = 2 * sum;
            }
        }

        Span<double> low = stackalloc double[PhashLowSide * PhashLowSide];
        for (var rowFrequency = 0; rowFrequency < PhashLowSide; rowFrequency++)
        {
            var transformedRow = columns.Slice(rowFrequency * PhashInputSide, PhashInputSide);
            for (var frequency = 0; frequency < PhashLowSide; frequency++)
            {
                var cosines = _dctCosines.AsSpan(frequency * PhashInputSide, PhashInputSide);
                var sum = 0.0;
                var reference = frequency == 0 ? 0 : transformedRow[0];
                for (var column = 0; column < PhashInputSide; column++)
                {
                    sum += (transformedRow[column] - reference) * cosines[column];
                }

                low[(rowFrequency * PhashLowSide) + frequency] = 2 * sum;
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

    private static double[] DctCosines()
    {
        var cosines = new double[PhashLowSide * PhashInputSide];
        for (var frequency = 0; frequency < PhashLowSide; frequency++)
        {
            for (var sample = 0; sample < PhashInputSide; sample++)
            {
                cosines[(frequency * PhashInputSide) + sample] = Math.Cos(Math.PI * frequency * ((2 * sample) + 1) / (2 * PhashInputSide));
            }
        }

        return cosines;
    }
}
