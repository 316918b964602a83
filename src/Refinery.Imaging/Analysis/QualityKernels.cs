using OpenCvSharp;
using Refinery.Imaging.Resampling;

namespace Refinery.Imaging.Analysis;

/// <summary>
/// cleanvision's per-image quality scores on decoded Mats. Percentiles and entropy (from <see cref="PixelStatisticsPass"/>)
/// read the full decoded image as cleanvision does; blurry resizes with a port of Pillow's BICUBIC (<see cref="PillowResampler"/>), so it is
/// cleanvision's value to rounding. All of them read displayed colours: a palette image is its RGB, where cleanvision
/// reads palette indices as brightness and resizes them NEAREST.
/// </summary>
public static class QualityKernels
{
    private static readonly double _blurNormalizingFactor = QualityChecks.Blurry.Parameter("normalizing_factor");
    private static readonly double _blurColorThreshold = QualityChecks.Blurry.Parameter("color_threshold");
    private static readonly int _blurMaxResolution = (int)QualityChecks.Blurry.Parameter("max_resolution");
    private static readonly double _entropyNormalizingFactor = QualityChecks.LowInformation.Parameter("normalizing_factor");

    /// <summary>dark_score: the 99th brightness percentile (0..1).</summary>
    public static double DarkScore(double brightnessPercentile99) => brightnessPercentile99;

    /// <summary>light_score: 1 − the 5th brightness percentile.</summary>
    public static double LightScore(double brightnessPercentile5) => 1 - brightnessPercentile5;

    /// <summary>odd_aspect_ratio_score: <c>min(W/H, H/W)</c>.</summary>
    public static double OddAspectRatioScore(int width, int height) =>
        Math.Min((double)width / height, (double)height / width);

    /// <summary>grayscale_score: 0 for a stored 8-bit single-channel image, else 1.</summary>
    public static double GrayscaleScore(bool isGrayscaleMode) => isGrayscaleMode ? 0 : 1;

    /// <summary>The per-image value odd_size is judged on: <c>sqrt(W)·sqrt(H)</c>.</summary>
    public static double SizeValue(int width, int height) => Math.Sqrt(width) * Math.Sqrt(height);

    /// <summary>low_information_score: <c>min(1, 0.1·entropy)</c>.</summary>
    public static double LowInformationScore(double entropy) => Math.Min(1, _entropyNormalizingFactor * entropy);

    /// <summary>
    /// blurry_score, cleanvision's procedure: resize to <c>(max(1, W // r), max(1, H // r))</c>, r = max(W,H)/64
    /// (Python float floor division) with Pillow's BICUBIC when r &gt; 1; grey by Pillow's fixed-point BT.601; Pillow's
    /// FIND_EDGES with its border rows and columns copied; blurriness = √(ImageStat variance of the edges);
    /// blur = 1−exp(−0.01·blurriness); histogram term s = 1−exp(−0.01·std(256 grey-level counts)), dropped when
    /// ≤ 0.18; score = min(blur + s, 1).
    /// </summary>
    /// <param name="image">8-bit BGR or grey pixels at full resolution.</param>
    public static double BlurryScore(Mat image)
    {
        using var grey = PillowGreyAtBlurSize(image);
        using var edges = FindEdges(grey);
        var blur = 1 - Math.Exp(-_blurNormalizingFactor * ImageStatStandardDeviation(edges));
        var histogramTerm = 1 - Math.Exp(-_blurNormalizingFactor * GreyHistogramStd(grey));
        if (histogramTerm <= _blurColorThreshold)
        {
            histogramTerm = 0;
        }

        return Math.Min(blur + histogramTerm, 1);
    }

    /// <summary>cleanvision's blur size: <c>max(1, int(side // ratio))</c> with Python's float floor division.</summary>
    public static (int Width, int Height) BlurSize(int width, int height)
    {
        var ratio = (double)Math.Max(width, height) / _blurMaxResolution;
        return ratio > 1
            ? (Math.Max(1, (int)PythonFloorDivide(width, ratio)), Math.Max(1, (int)PythonFloorDivide(height, ratio)))
            : (width, height);
    }

    // CPython's float_floor_div: the quotient of the exactly-subtracted remainder, which can differ from ⌊a/b⌋ when a/b
    // rounds up to a whole number.
    private static double PythonFloorDivide(double dividend, double divisor)
    {
        var remainder = dividend % divisor;
        var quotient = (dividend - remainder) / divisor;
        if (remainder != 0 && (divisor < 0) != (remainder < 0))
        {
            quotient -= 1.0;
        }

        if (quotient == 0)
        {
            return 0;
        }

        var floored = Math.Floor(quotient);
        return quotient - floored > 0.5 ? floored + 1.0 : floored;
    }

    private static Mat PillowGreyAtBlurSize(Mat image)
    {
        var (width, height) = BlurSize(image.Cols, image.Rows);
        using var small = width == image.Cols && height == image.Rows
            ? image.Clone()
            : PillowResampler.Resize(image, width, height, ResamplingFilter.Bicubic);
        if (small.Channels() == 1)
        {
            return small.Clone();
        }

        var grey = new Mat(small.Rows, small.Cols, MatType.CV_8UC1);
        PillowLuma.ConvertRow(small.AsSpan<byte>(), small.Channels(), grey.AsSpan<byte>());
        return grey;
    }

    // PIL.ImageStat's stddev: from the 256-bin histogram, var = (Σi²·h − (Σi·h)²/n) / n, in its order of operations.
    private static double ImageStatStandardDeviation(Mat grey)
    {
        Span<int> counts = stackalloc int[256];
        Histogram(grey, counts);
        double sum = 0, sumOfSquares = 0;
        for (var level = 0; level < counts.Length; level++)
        {
            sum += (double)level * counts[level];
            sumOfSquares += (double)level * level * counts[level];
        }

        var n = (double)grey.Total();
        return Math.Sqrt((sumOfSquares - (sum * sum / n)) / n);
    }

    private static void Histogram(Mat grey, Span<int> counts)
    {
        counts.Clear();
        foreach (var value in grey.AsSpan<byte>())
        {
            counts[value]++;
        }
    }

    private static Mat FindEdges(Mat grey)
    {
        var edges = new Mat();
        using var kernel = new Mat(3, 3, MatType.CV_32FC1, Scalar.All(-1));
        kernel.Set(1, 1, 8f);
        // Integer kernel on integer input: OpenCV's saturate_cast equals Pillow's +0.5, truncate and clamp to 0..255.
        Cv2.Filter2D(grey, edges, MatType.CV_8U, kernel, new Point(-1, -1), 0, BorderTypes.Replicate);
        // Pillow's 3×3 filter copies the first/last row and column from its input unchanged.
        CopyRegion(grey, edges, new Rect(0, 0, grey.Cols, 1));
        CopyRegion(grey, edges, new Rect(0, grey.Rows - 1, grey.Cols, 1));
        CopyRegion(grey, edges, new Rect(0, 0, 1, grey.Rows));
        CopyRegion(grey, edges, new Rect(grey.Cols - 1, 0, 1, grey.Rows));
        return edges;
    }

    private static void CopyRegion(Mat from, Mat to, Rect region)
    {
        using var source = new Mat(from, region);
        using var target = new Mat(to, region);
        source.CopyTo(target);
    }

    private static double GreyHistogramStd(Mat grey)
    {
        Span<int> counts = stackalloc int[256];
        Histogram(grey, counts);
        var mean = grey.Total() / 256.0;
        var sumOfSquares = 0.0;
        foreach (var count in counts)
        {
            sumOfSquares += (count - mean) * (count - mean);
        }

        return Math.Sqrt(sumOfSquares / 256);
    }
}
