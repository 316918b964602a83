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

    /// <summary>resolution: <c>W*H</c> of the original (stored) image, in pixels.</summary>
    public static long Resolution(int width, int height) => (long)width * height;

    /// <summary>aspect_ratio: <c>W/H</c> of the original image.</summary>
    public static double AspectRatio(int width, int height) => (double)width / height;

    /// <summary>The working image: <paramref name="pixels"/> shrunk (INTER_AREA) to a long side of at most 512; a new Mat.</summary>
    public static Mat WorkingImage(Mat pixels) => ShrinkToLongSide(pixels, WorkingLongSide);

    /// <summary>Whether <paramref name="image"/>'s long side is over <paramref name="longSide"/>, so that <see cref="ShrinkToLongSide"/> changes it.</summary>
    public static bool NeedsShrinking(Mat image, int longSide) => Math.Max(image.Cols, image.Rows) > longSide;

    /// <summary>
    /// A new Mat: <paramref name="image"/> shrunk so its long side is at most <paramref name="longSide"/>: INTER_AREA by
    /// the largest whole factor that keeps the long side at least <paramref name="longSide"/>, then INTER_AREA to size.
    /// </summary>
    public static Mat ShrinkToLongSide(Mat image, int longSide)
    {
        if (!NeedsShrinking(image, longSide))
        {
            return image.Clone();
        }

        var longest = Math.Max(image.Cols, image.Rows);
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

    /// <summary>
    /// clarity: population variance of the 3×3 Laplacian (0,1,0 / 1,−4,1 / 0,1,0; reflect-101 border) of the grey
    /// image shrunk to a long side of at most 512 (INTER_AREA). The same definition serves bbox_clarity on a crop.
    /// </summary>
    public static double Clarity(Mat image)
    {
        using var shrunk = ShrinkToLongSide(image, WorkingLongSide);
        return WorkingImageFeatures.Measure(shrunk).Clarity;
    }
}
