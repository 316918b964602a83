using OpenCvSharp;
using Refinery.Imaging.Analysis;

namespace Refinery.Imaging.Tests.Analysis;

/// <summary>
/// The straightforward definitions of the image features and quality statistics, on OpenCV's float and colour-space
/// routines, as analysis computed them before its one-pass kernels: the references <see cref="PixelStatisticsPass"/>
/// and <see cref="WorkingImageFeatures"/> are tested against.
/// </summary>
internal static class OpenCvReferenceKernels
{
    // Rows converted to float at a time: keeps the float temporaries in cache instead of 12 bytes per pixel at once.
    private const int StripRows = 64;

    /// <summary>
    /// Per-pixel perceived brightness <c>sqrt(0.241R² + 0.691G² + 0.068B²)</c> in [0, 255] as CV_32FC1 at full
    /// resolution (grey images: the grey value). The caller disposes it. A float copy of the image: analysis computes
    /// what it needs of it in one pass over the pixels instead (<see cref="PixelStatisticsPass"/>); this is the
    /// straightforward definition that pass is tested against.
    /// </summary>
    public static Mat BrightnessMap(Mat pixels)
    {
        var map = new Mat(pixels.Rows, pixels.Cols, MatType.CV_32FC1);
        if (pixels.Channels() == 1)
        {
            pixels.ConvertTo(map, MatType.CV_32F);
            return map;
        }

        using var weights = new Mat(1, 3, MatType.CV_32FC1);
        weights.Set(0, 0, 0.068f); // B
        weights.Set(0, 1, 0.691f); // G
        weights.Set(0, 2, 0.241f); // R
        using var squared = new Mat();
        var rows = pixels.Rows;
        for (var top = 0; top < rows; top += StripRows)
        {
            var bottom = Math.Min(top + StripRows, rows);
            using var source = pixels.RowRange(top, bottom);
            using var target = map.RowRange(top, bottom);
            source.ConvertTo(squared, MatType.CV_32F);
            Cv2.Multiply(squared, squared, squared);
            Cv2.Transform(squared, target, weights);
            Cv2.Sqrt(target, target);
        }

        return map;
    }

    /// <summary>brightness: mean per-pixel perceived brightness over the full image, divided by 255 (0..1).</summary>
    public static double Brightness(Mat brightnessMap) => Cv2.Mean(brightnessMap).Val0 / 255;

    /// <summary>
    /// The 5th and 99th percentiles of per-pixel perceived brightness / 255, numpy-linear, exact, from a float
    /// brightness map: the straightforward definition that <see cref="PixelStatisticsPass"/> computes in one pass
    /// over the pixels, and which its tests compare it with.
    /// </summary>
    public static (double Percentile5, double Percentile99) BrightnessPercentiles(Mat brightnessMap)
    {
        using var continuous = brightnessMap.IsContinuous() ? null : brightnessMap.Clone();
        var values = (continuous ?? brightnessMap).AsSpan<float>();
        var result = ExactPercentiles.Compute(values, [5, 99], 255f);
        return (result[0] / 255, result[1] / 255);
    }

    /// <summary>
    /// PIL <c>Image.entropy()</c>: one 256-bin histogram per band, concatenated, p = count / (bands·pixels),
    /// <c>−Σ p·log2 p</c>. Reads every pixel of <paramref name="pixels"/>, a band at a time: the straightforward definition
    /// that <see cref="PixelStatisticsPass"/> computes in its one pass, and which its tests compare it with.
    /// </summary>
    public static double Entropy(Mat pixels)
    {
        var channels = pixels.Channels();
        var total = (double)pixels.Total() * channels;
        var entropy = 0.0;
        using var histogram = new Mat();
        for (var channel = 0; channel < channels; channel++)
        {
            Cv2.CalcHist([pixels], [channel], null, histogram, 1, [256], [new Rangef(0, 256)]);
            foreach (var count in histogram.AsSpan<float>())
            {
                if (count > 0)
                {
                    var p = count / total;
                    entropy -= p * Math.Log2(p);
                }
            }
        }

        return entropy;
    }

    /// <summary>A new single-channel grey Mat (OpenCV BT.601 weights); grey input is copied.</summary>
    public static Mat ToGrey(Mat image)
    {
        var grey = new Mat();
        if (image.Channels() == 1)
        {
            image.CopyTo(grey);
        }
        else
        {
            Cv2.CvtColor(image, grey, ColorConversionCodes.BGR2GRAY);
        }

        return grey;
    }

    /// <summary>saturation: mean HSV S of the working image, S = (max−min)/max scaled to 0..255 (OpenCV); 0 for grey images.</summary>
    public static double Saturation(Mat working)
    {
        if (working.Channels() == 1)
        {
            return 0;
        }

        using var hsv = new Mat();
        Cv2.CvtColor(working, hsv, ColorConversionCodes.BGR2HSV);
        return Cv2.Mean(hsv).Val1;
    }

    /// <summary>Variance of the 3×3 Laplacian of an 8-bit grey image already at working size.</summary>
    public static double LaplacianVariance(Mat grey)
    {
        using var laplacian = new Mat();
        Cv2.Laplacian(grey, laplacian, MatType.CV_64F, ksize: 1);
        Cv2.MeanStdDev(laplacian, out _, out var std);
        return std.Val0 * std.Val0;
    }

    /// <summary>
    /// colorfulness: Hasler–Süsstrunk (2003) as published, on signed opponent channels of the working image:
    /// rg = R−G, yb = ½(R+G)−B, C = sqrt(σrg² + σyb²) + 0.3·sqrt(μrg² + μyb²) (population σ); 0 for grey images.
    /// The signed variant is the paper's; taking abs(rg), abs(yb) first (a common blog variant) changes σ and μ.
    /// </summary>
    public static double Colorfulness(Mat working)
    {
        if (working.Channels() == 1)
        {
            return 0;
        }

        using var opponent = new Mat();
        using var transform = new Mat(2, 3, MatType.CV_32FC1);
        // Rows: rg = R − G, yb = ½R + ½G − B, over BGR input.
        transform.Set(0, 0, 0f);
        transform.Set(0, 1, -1f);
        transform.Set(0, 2, 1f);
        transform.Set(1, 0, -1f);
        transform.Set(1, 1, 0.5f);
        transform.Set(1, 2, 0.5f);
        using var asFloat = new Mat();
        working.ConvertTo(asFloat, MatType.CV_32F);
        Cv2.Transform(asFloat, opponent, transform);
        Cv2.MeanStdDev(opponent, out var mean, out var std);
        return Math.Sqrt((std.Val0 * std.Val0) + (std.Val1 * std.Val1))
            + (0.3 * Math.Sqrt((mean.Val0 * mean.Val0) + (mean.Val1 * mean.Val1)));
    }
}
