using OpenCvSharp;

namespace Refinery.Imaging.Analysis;

/// <summary>
/// cleanvision's per-image quality scores (operators.md §3.2) on decoded Mats. Parity notes: percentiles, entropy and
/// hashes read the full decoded image as cleanvision does; blurry shrinks with INTER_AREA where Pillow uses BICUBIC
/// (an exact port of Pillow's resampler would cost more than the decode), so scores near 0.29 may differ.
/// </summary>
public static class QualityKernels
{
    private static readonly double _blurNormalizingFactor = QualityChecks.Blurry.Parameter("normalizing_factor");
    private static readonly double _blurColorThreshold = QualityChecks.Blurry.Parameter("color_threshold");
    private static readonly int _blurMaxResolution = (int)QualityChecks.Blurry.Parameter("max_resolution");
    private static readonly double _entropyNormalizingFactor = QualityChecks.LowInformation.Parameter("normalizing_factor");

    /// <summary>The 5th and 99th percentiles of per-pixel perceived brightness / 255, numpy-linear, exact.</summary>
    public static (double Percentile5, double Percentile99) BrightnessPercentiles(Mat brightnessMap)
    {
        using var continuous = brightnessMap.IsContinuous() ? null : brightnessMap.Clone();
        var values = (continuous ?? brightnessMap).AsSpan<float>();
        var result = ExactPercentiles.Compute(values, [5, 99], 255f);
        return (result[0] / 255, result[1] / 255);
    }

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

    /// <summary>
    /// PIL <c>Image.entropy()</c>: one 256-bin histogram per band, concatenated, p = count / (bands·pixels),
    /// <c>−Σ p·log2 p</c>. Reads every pixel of <paramref name="pixels"/>.
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

    /// <summary>low_information_score: <c>min(1, 0.1·entropy)</c>.</summary>
    public static double LowInformationScore(Mat pixels) => Math.Min(1, _entropyNormalizingFactor * Entropy(pixels));

    /// <summary>
    /// blurry_score, cleanvision's procedure: shrink to <c>(max(1, W // r), max(1, H // r))</c>, r = max(W,H)/64
    /// (INTER_AREA from <paramref name="source"/>, which may be the working image: the target size comes from the
    /// original <paramref name="width"/>×<paramref name="height"/>); grey by Pillow's fixed-point BT.601; Pillow's
    /// FIND_EDGES with its border rows and columns copied; blur = 1−exp(−0.01·std(edges)); histogram term
    /// s = 1−exp(−0.01·std(256 grey-level counts)), dropped when ≤ 0.18; score = min(blur + s, 1).
    /// </summary>
    public static double BlurryScore(Mat source, int width, int height)
    {
        using var grey = PillowGreyAtBlurSize(source, width, height);
        using var edges = FindEdges(grey);
        Cv2.MeanStdDev(edges, out _, out var edgeStd);
        var blur = 1 - Math.Exp(-_blurNormalizingFactor * edgeStd.Val0);
        var histogramTerm = 1 - Math.Exp(-_blurNormalizingFactor * GreyHistogramStd(grey));
        if (histogramTerm <= _blurColorThreshold)
        {
            histogramTerm = 0;
        }

        return Math.Min(blur + histogramTerm, 1);
    }

    private static Mat PillowGreyAtBlurSize(Mat source, int width, int height)
    {
        var longest = Math.Max(width, height);
        using var small = new Mat();
        if (longest > _blurMaxResolution)
        {
            var ratio = (double)longest / _blurMaxResolution;
            var size = new Size(Math.Max(1, (int)Math.Floor(width / ratio)), Math.Max(1, (int)Math.Floor(height / ratio)));
            Cv2.Resize(source, small, size, 0, 0, InterpolationFlags.Area);
        }
        else
        {
            source.CopyTo(small);
        }

        var grey = new Mat(small.Rows, small.Cols, MatType.CV_8UC1);
        if (small.Channels() == 1)
        {
            small.CopyTo(grey);
            return grey;
        }

        // Pillow's L conversion: (19595·R + 38470·G + 7471·B + 0x8000) >> 16, which OpenCV's BGR2GRAY rounds differently.
        var bgr = small.AsSpan<byte>();
        var target = grey.AsSpan<byte>();
        for (var i = 0; i < target.Length; i++)
        {
            var b = bgr[3 * i];
            var g = bgr[(3 * i) + 1];
            var r = bgr[(3 * i) + 2];
            target[i] = (byte)(((19595 * r) + (38470 * g) + (7471 * b) + 0x8000) >> 16);
        }

        return grey;
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
        counts.Clear();
        foreach (var value in grey.AsSpan<byte>())
        {
            counts[value]++;
        }

        var mean = grey.Total() / 256.0;
        var sumOfSquares = 0.0;
        foreach (var count in counts)
        {
            sumOfSquares += (count - mean) * (count - mean);
        }

        return Math.Sqrt(sumOfSquares / 256);
    }
}
