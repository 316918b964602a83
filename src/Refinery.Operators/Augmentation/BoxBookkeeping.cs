using Refinery.Formats.Voc;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// Moves boxes through a geometric plan the way Albumentations and imgaug do: map the four corners, take the
/// enclosing box, clip it to the canvas, drop it when a side is under <see cref="MinSide"/> px or less than
/// <see cref="MinVisibility"/> of it is still on the canvas.
/// </summary>
public static class BoxBookkeeping
{
    /// <summary>Smallest side a kept box may have, as MetaValidation requires of input boxes.</summary>
    public const double MinSide = 2;

    /// <summary>Smallest share of a moved box's area that must remain on the canvas.</summary>
    public const double MinVisibility = 0.5;

    // Corners rotated by a float matrix land a few ulps off the edge they started on.
    private const double EdgeTolerance = 1e-6;

    /// <param name="dropImageWhenOutside">ModelArts' Rotate rule: any box leaving the canvas discards the image.</param>
    public static BoxOutcome Move(IReadOnlyList<VocBox> boxes, AffinePlan plan, bool dropImageWhenOutside = false)
    {
        var kept = new List<AugmentedBox>(boxes.Count);
        double width = plan.Canvas.Width, height = plan.Canvas.Height;
        for (var index = 0; index < boxes.Count; index++)
        {
            var moved = Enclose(boxes[index], plan);
            var outside = moved.XMin < -EdgeTolerance || moved.YMin < -EdgeTolerance
                || moved.XMax > width + EdgeTolerance || moved.YMax > height + EdgeTolerance;
            if (outside && dropImageWhenOutside)
            {
                return BoxOutcome.DroppedImage;
            }

            var clipped = new VocBox(
                Math.Clamp(moved.XMin, 0, width), Math.Clamp(moved.YMin, 0, height),
                Math.Clamp(moved.XMax, 0, width), Math.Clamp(moved.YMax, 0, height));
            var area = moved.Width * moved.Height;
            if (clipped.Width < MinSide || clipped.Height < MinSide || clipped.Width * clipped.Height < MinVisibility * area)
            {
                continue;
            }

            kept.Add(new AugmentedBox(index, clipped));
        }

        return new BoxOutcome(kept, false);
    }

    private static VocBox Enclose(VocBox box, AffinePlan plan)
    {
        Span<(double X, double Y)> corners =
        [
            plan.Map(box.XMin, box.YMin), plan.Map(box.XMax, box.YMin),
            plan.Map(box.XMin, box.YMax), plan.Map(box.XMax, box.YMax),
        ];
        double xMin = double.MaxValue, yMin = double.MaxValue, xMax = double.MinValue, yMax = double.MinValue;
        foreach (var (x, y) in corners)
        {
            xMin = Math.Min(xMin, x);
            yMin = Math.Min(yMin, y);
            xMax = Math.Max(xMax, x);
            yMax = Math.Max(yMax, y);
        }

        return new VocBox(xMin, yMin, xMax, yMax);
    }
}
