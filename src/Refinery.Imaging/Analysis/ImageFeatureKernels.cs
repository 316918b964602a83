using OpenCvSharp;

namespace Refinery.Imaging.Analysis;

/// <summary>
/// The six image features of operators.md §1 on decoded 8-bit Mats (BGR or single-channel grey). Features defined on
/// a small image read the <em>working image</em>: the decoded image shrunk with INTER_AREA (see
/// <see cref="ShrinkToLongSide"/>) so its long side is at most <see cref="WorkingLongSide"/> (never enlarged).
/// </summary>
public static class ImageFeatureKernels
{
    /// <summary>Long side of the working image on which saturation, clarity and colourfulness are defined.</summary>
    public const int WorkingLongSide = 512;

    // Rows converted to float at a time: keeps the float temporaries in cache instead of 12 bytes per pixel at once.
    private const int StripRows = 64;

    /// <summary>resolution: <c>W*H</c> of the original (stored) image, in pixels.</summary>
    public static long Resolution(int width, int height) => (long)width * height;

    /// <summary>aspect_ratio: <c>W/H</c> of the original image.</summary>
    public static double AspectRatio(int width, int height) => (double)width / height;

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

    /// <summary>The working image: <paramref name="pixels"/> shrunk (INTER_AREA) to a long side of at most 512; a new Mat.</summary>
    public static Mat WorkingImage(Mat pixels) => ShrinkToLongSide(pixels, WorkingLongSide);

    /// <summary>
    /// A new Mat: <paramref name="image"/> shrunk so its long side is at most <paramref name="longSide"/>: INTER_AREA by
    /// the largest whole factor that keeps the long side at least <paramref name="longSide"/>, then INTER_AREA to size.
    /// </summary>
    public static Mat ShrinkToLongSide(Mat image, int longSide)
    {
        var longest = Math.Max(image.Cols, image.Rows);
        if (longest <= longSide)
        {
            return image.Clone();
        }

        var scale = (double)longSide / longest;
        var size = new Size(Math.Max(1, (int)Math.Round(image.Cols * scale)), Math.Max(1, (int)Math.Round(image.Rows * scale)));
        var shrunk = new Mat();
        var factor = longest / longSide;
        if (factor < 2)
        {
            Cv2.Resize(image, shrunk, size, 0, 0, InterpolationFlags.Area);
            return shrunk;
        }

        // OpenCV's INTER_AREA has a fast path for whole factors only: take the largest whole factor first (plain
        // block means), then the fractional rest. About twice as fast on camera images; values differ from a single
        // INTER_AREA step by rounding only.
        using var byWholeFactor = new Mat();
        Cv2.Resize(image, byWholeFactor, new Size(), 1.0 / factor, 1.0 / factor, InterpolationFlags.Area);
        Cv2.Resize(byWholeFactor, shrunk, size, 0, 0, InterpolationFlags.Area);
        return shrunk;
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

    /// <summary>
    /// clarity: population variance of the 3×3 Laplacian (0,1,0 / 1,−4,1 / 0,1,0; reflect-101 border) of the grey
    /// image shrunk to a long side of at most 512 (INTER_AREA). The same definition serves bbox_clarity on a crop.
    /// </summary>
    public static double Clarity(Mat image)
    {
        using var shrunk = ShrinkToLongSide(image, WorkingLongSide);
        using var grey = ToGrey(shrunk);
        return LaplacianVariance(grey);
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
