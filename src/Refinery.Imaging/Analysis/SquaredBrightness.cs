using System.Runtime.Intrinsics;

namespace Refinery.Imaging.Analysis;

/// <summary>
/// Perceived brightness of 8-bit BGR pixels through an exact integer key: <c>K = 241·R² + 691·G² + 68·B²</c>, which is
/// 1000 × the squared brightness <c>0.241R² + 0.691G² + 0.068B²</c> of operators.md, so brightness = √(K / 1000).
/// Brightness orders as K does (√ is monotonic), which is what lets percentiles be exact from a histogram of K.
/// </summary>
public static class SquaredBrightness
{
    /// <summary>K of a white pixel: every key lies in [0, MaxKey].</summary>
    public const int MaxKey = Scale * 255 * 255;

    private const int Scale = 1000;
    private const int BlueWeight = 68;
    private const int GreenWeight = 691;
    private const int RedWeight = 241;
    private const int Lanes = 8;
    private const float InverseScale = 1f / Scale;

    /// <summary>The key of one pixel.</summary>
    public static int Of(byte blue, byte green, byte red) =>
        (BlueWeight * blue * blue) + (GreenWeight * green * green) + (RedWeight * red * red);

    /// <summary>The brightness (0..255) a key stands for, in double precision.</summary>
    public static double Brightness(int key) => Math.Sqrt(key / (double)Scale);

    /// <summary>The keys of one row of interleaved BGR pixels, eight pixels per vector step.</summary>
    public static void Row(ReadOnlySpan<byte> bgr, Span<int> keys)
    {
        var width = bgr.Length / 3;
        var x = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (var offset = 0; offset + BgrLanes.Bytes <= bgr.Length; x += BgrLanes.Pixels, offset += BgrLanes.Bytes)
            {
                var (blue, green, red) = BgrLanes.Load(bgr[offset..]);
                var key = (blue * blue * BlueWeight) + (green * green * GreenWeight) + (red * red * RedWeight);
                key.CopyTo(keys[x..]);
            }
        }

        for (var offset = x * 3; x < width; x++, offset += 3)
        {
            keys[x] = Of(bgr[offset], bgr[offset + 1], bgr[offset + 2]);
        }
    }

    /// <summary>Σ √(K / 1000) over <paramref name="keys"/>: the sum of brightness, in single precision per lane.</summary>
    public static double SumOfBrightness(ReadOnlySpan<int> keys)
    {
        var x = 0;
        var total = 0.0;
        if (Vector256.IsHardwareAccelerated)
        {
            var sums = Vector256<float>.Zero;
            for (; x + Lanes <= keys.Length; x += Lanes)
            {
                sums += Vector256.Sqrt(Vector256.ConvertToSingle(Vector256.Create(keys[x..])) * InverseScale);
            }

            for (var lane = 0; lane < Lanes; lane++)
            {
                total += sums[lane];
            }
        }

        for (; x < keys.Length; x++)
        {
            total += Brightness(keys[x]);
        }

        return total;
    }
}
