using Refinery.Formats.Voc;

namespace Refinery.Operators.Validation;

/// <summary>MetaValidation's XML checks (operators.md Part B §2.2), applied to an annotation and the image it ends up describing.</summary>
internal static class VocAnnotationValidator
{
    /// <summary>Boxes thinner or lower than this are degenerate lines.</summary>
    private const double MinimumBoxSide = 2;

    /// <summary>A box with more than this fraction of its area outside the image is dropped; less, it is clipped.</summary>
    private const double MaximumOutsideFraction = 0.5;

    /// <param name="annotation">The annotation as read.</param>
    /// <param name="width">The output image's width.</param>
    /// <param name="height">The output image's height.</param>
    /// <param name="depth">The output image's channel count.</param>
    /// <param name="xScale">How the image was scaled horizontally (1 when it was not shrunk).</param>
    /// <param name="yScale">How the image was scaled vertically.</param>
    public static AnnotationValidation Validate(VocAnnotation annotation, int width, int height, int depth, double xScale, double yScale)
    {
        if (annotation.Objects.Count == 0)
        {
            return AnnotationValidation.Dropped("it has no <object>");
        }

        if (annotation.Objects.All(item => item.Box is null))
        {
            return AnnotationValidation.Dropped("no object has a rectangle bndbox");
        }

        var actions = new List<string>();
        var scaled = xScale != 1 || yScale != 1;
        if (scaled)
        {
            actions.Add($"scaled every box by {xScale:0.####} horizontally and {yScale:0.####} vertically, as the image was shrunk");
        }

        var kept = new List<VocObject>(annotation.Objects.Count);
        for (var index = 0; index < annotation.Objects.Count; index++)
        {
            var item = annotation.Objects[index];
            var label = $"object {index + 1} ({item.Name})";
            var (box, action) = CheckBox(item, width, height, xScale, yScale, scaled);
            if (action is not null)
            {
                actions.Add(box is null ? $"dropped {label}: {action}" : $"clipped {label} to the image: {action}");
            }

            if (box is not null)
            {
                kept.Add(item with { Box = box });
            }
        }

        if (kept.Count == 0)
        {
            return AnnotationValidation.Dropped("none of its objects passed the box checks");
        }

        var sizeAction = CheckSize(annotation, width, height, depth);
        if (sizeAction is not null)
        {
            actions.Add(sizeAction);
        }

        var fixedAnnotation = annotation with { Width = width, Height = height, Depth = depth, Objects = kept };
        return new AnnotationValidation(fixedAnnotation, actions);
    }

    /// <summary>The box to keep (null to drop the object) and, when something was done, why.</summary>
    private static (VocBox? Box, string? Action) CheckBox(VocObject item, int width, int height, double xScale, double yScale, bool scaled)
    {
        if (item.Box is not { } original)
        {
            return (null, item.NonRectangleShape is { } shape
                ? $"it has a {shape} shape, not a rectangle bndbox"
                : item.Element?.Element("bndbox") is not null ? "its bndbox coordinates are not all numbers" : "it has no bndbox");
        }

        // VOC coordinates are whole pixels, and common readers parse them with int(); rescaled boxes are rounded.
        var box = scaled
            ? new VocBox(Math.Round(original.XMin * xScale), Math.Round(original.YMin * yScale), Math.Round(original.XMax * xScale), Math.Round(original.YMax * yScale))
            : original;

        if (box.XMin > box.XMax)
        {
            return (null, $"xmin {box.XMin:0.#} > xmax {box.XMax:0.#}");
        }

        if (box.YMin > box.YMax)
        {
            return (null, $"ymin {box.YMin:0.#} > ymax {box.YMax:0.#}");
        }

        if (Degenerate(box) is { } degenerate)
        {
            return (null, degenerate);
        }

        var insideWidth = Math.Max(0, Math.Min(box.XMax, width) - Math.Max(box.XMin, 0));
        var insideHeight = Math.Max(0, Math.Min(box.YMax, height) - Math.Max(box.YMin, 0));
        var outside = 1 - (insideWidth * insideHeight / (box.Width * box.Height));
        if (outside <= 0)
        {
            return (box, null);
        }

        var percent = $"{outside * 100:0.#} %";
        if (outside > MaximumOutsideFraction)
        {
            return (null, $"{percent} of its box lay outside the {width}x{height} image");
        }

        var clipped = new VocBox(Math.Max(box.XMin, 0), Math.Max(box.YMin, 0), Math.Min(box.XMax, width), Math.Min(box.YMax, height));

        // A box half outside can still be left thinner than a line once clipped.
        return Degenerate(clipped) is { } thin
            ? (null, $"{percent} of its box lay outside the image, and clipped it is {thin}")
            : (clipped, $"{percent} of it lay outside");
    }

    private static string? Degenerate(VocBox box) =>
        box.Width < MinimumBoxSide ? $"box {box.Width:0.0} px wide, under {MinimumBoxSide} px"
        : box.Height < MinimumBoxSide ? $"box {box.Height:0.0} px high, under {MinimumBoxSide} px"
        : null;

    private static string? CheckSize(VocAnnotation annotation, int width, int height, int depth)
    {
        if (annotation.Width is null || annotation.Height is null)
        {
            return $"set <size> to {width}x{height}x{depth} from the image: its width or height was missing";
        }

        if (annotation.Width != width || annotation.Height != height)
        {
            return $"corrected <size> from {annotation.Width}x{annotation.Height} to {width}x{height}: it did not match the image";
        }

        return annotation.Depth != depth
            ? $"set <size> depth to {depth}: the image has {depth} channels, the XML said {annotation.Depth?.ToString() ?? "nothing"}"
            : null;
    }
}
