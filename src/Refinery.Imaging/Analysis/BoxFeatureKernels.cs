using OpenCvSharp;

namespace Refinery.Imaging.Analysis;

/// <summary>The seven box features of operators.md §1, for boxes in original-image pixels.</summary>
public static class BoxFeatureKernels
{
    /// <summary>All box features of one image, on its 8-bit BGR or grey <paramref name="pixels"/>.</summary>
    public static BoxFeatureValues Measure(
        IReadOnlyList<BoxRect> boxes, Mat pixels, bool withBrightness, bool withClarity)
    {
        int width = pixels.Cols, height = pixels.Rows;
        var measures = new List<BoxMeasure>(boxes.Count);
        for (var i = 0; i < boxes.Count; i++)
        {
            var box = boxes[i];
            if (box.IsDegenerate)
            {
                continue;
            }

            measures.Add(new BoxMeasure(
                AspectRatio(box),
                AreaRatio(box, width, height),
                Marginalization(box, width, height),
                Overlap(boxes, i),
                withBrightness ? Brightness(pixels, box) : null,
                withClarity ? Clarity(pixels, box) : null));
        }

        return new BoxFeatureValues(boxes.Count, AreaStd(boxes), measures);
    }

    /// <summary>bbox_area_std: population std of <c>(xmax−xmin)·(ymax−ymin)</c> over the image's boxes; 0 for 0 or 1 box.</summary>
    public static double AreaStd(IReadOnlyList<BoxRect> boxes)
    {
        if (boxes.Count < 2)
        {
            return 0;
        }

        var mean = boxes.Average(box => box.Area);
        return Math.Sqrt(boxes.Average(box => (box.Area - mean) * (box.Area - mean)));
    }

    /// <summary>bbox_aspect_ratio: <c>bw/bh</c>.</summary>
    public static double AspectRatio(BoxRect box) => box.Width / box.Height;

    /// <summary>bbox_area_ratio: <c>bw·bh / (W·H)</c>.</summary>
    public static double AreaRatio(BoxRect box, int width, int height) => box.Area / ((double)width * height);

    /// <summary>
    /// bbox_marginalization: with d = box centre − image centre, <c>max(|dx|/(W/2), |dy|/(H/2))</c> — the closed form of
    /// "centre-to-box-centre distance over centre-to-border distance along the same ray": 0 at the centre, 1 when the
    /// box centre lies on the border (a box merely touching the border scores 1 − its half-extent over W/2 or H/2).
    /// </summary>
    public static double Marginalization(BoxRect box, int width, int height)
    {
        var dx = ((box.XMin + box.XMax) / 2) - (width / 2.0);
        var dy = ((box.YMin + box.YMax) / 2) - (height / 2.0);
        return Math.Max(Math.Abs(dx) / (width / 2.0), Math.Abs(dy) / (height / 2.0));
    }

    /// <summary>
    /// bbox_overlap: <c>area(box ∩ ∪ others) / area(box)</c>, the union of the others clipped to the box computed exactly
    /// by <see cref="RectangleUnion"/>: O(n + k log k) for n boxes of which k touch this one.
    /// </summary>
    public static double Overlap(IReadOnlyList<BoxRect> boxes, int index)
    {
        var box = boxes[index];
        if (box.IsDegenerate)
        {
            return 0;
        }

        var clipped = new List<BoxRect>();
        for (var j = 0; j < boxes.Count; j++)
        {
            var other = boxes[j];
            var intersection = new BoxRect(
                Math.Max(box.XMin, other.XMin), Math.Max(box.YMin, other.YMin),
                Math.Min(box.XMax, other.XMax), Math.Min(box.YMax, other.YMax));
            if (j != index && !intersection.IsDegenerate)
            {
                clipped.Add(intersection);
            }
        }

        return clipped.Count == 0 ? 0 : Math.Min(1, RectangleUnion.Area(clipped) / box.Area);
    }

    /// <summary>bbox_brightness: brightness (mean perceived brightness / 255) of the box crop at full resolution.</summary>
    public static double Brightness(Mat pixels, BoxRect box) =>
        PixelStatisticsPass.MeanBrightness(pixels, PixelRect(box, pixels.Cols, pixels.Rows));

    /// <summary>bbox_clarity: <see cref="ImageFeatureKernels.Clarity"/> of the full-resolution box crop.</summary>
    public static double Clarity(Mat pixels, BoxRect box)
    {
        using var crop = new Mat(pixels, PixelRect(box, pixels.Cols, pixels.Rows));
        return ImageFeatureKernels.Clarity(crop);
    }

    /// <summary>The whole pixels the box touches, clipped to the image and at least one pixel wide and high.</summary>
    public static Rect PixelRect(BoxRect box, int width, int height)
    {
        var left = Math.Clamp((int)Math.Floor(box.XMin), 0, width - 1);
        var top = Math.Clamp((int)Math.Floor(box.YMin), 0, height - 1);
        var right = Math.Clamp((int)Math.Ceiling(box.XMax), left + 1, width);
        var bottom = Math.Clamp((int)Math.Ceiling(box.YMax), top + 1, height);
        return new Rect(left, top, right - left, bottom - top);
    }
}
