using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// A geometric operator's drawn transform: x' = M00·x + M01·y + M02, y' = M10·x + M11·y + M12 in continuous image
/// coordinates (pixel i covers [i, i+1), as VOC boxes are read), onto a canvas of <see cref="Canvas"/>.
/// The one plan moves both the pixels and the boxes, so they cannot disagree.
/// </summary>
public readonly record struct AffinePlan(double M00, double M01, double M02, double M10, double M11, double M12, Size Canvas)
{
    public static AffinePlan Translation(double dx, double dy, Size canvas) => new(1, 0, dx, 0, 1, dy, canvas);

    /// <summary>A linear map <c>[a b; c d]</c> about the canvas centre, which stays in place.</summary>
    public static AffinePlan AboutCentre(double a, double b, double c, double d, Size canvas)
    {
        double cx = canvas.Width / 2.0, cy = canvas.Height / 2.0;
        return new(a, b, cx - (a * cx) - (b * cy), c, d, cy - (c * cx) - (d * cy), canvas);
    }

    public (double X, double Y) Map(double x, double y) => ((M00 * x) + (M01 * y) + M02, (M10 * x) + (M11 * y) + M12);

    /// <summary>
    /// The same map on pixel indices, as warpAffine wants it: index = coordinate − ½ on both sides, so
    /// i' = A·i + (A·½ + t − ½).
    /// </summary>
    public Mat ToPixelIndexMatrix()
    {
        var matrix = new Mat(2, 3, MatType.CV_64FC1);
        matrix.Set(0, 0, M00);
        matrix.Set(0, 1, M01);
        matrix.Set(0, 2, M02 + (0.5 * (M00 + M01)) - 0.5);
        matrix.Set(1, 0, M10);
        matrix.Set(1, 1, M11);
        matrix.Set(1, 2, M12 + (0.5 * (M10 + M11)) - 0.5);
        return matrix;
    }

    /// <summary>Warps <paramref name="image"/> onto the plan's canvas; uncovered pixels are black.</summary>
    public Mat Warp(Mat image)
    {
        using var matrix = ToPixelIndexMatrix();
        var output = new Mat();
        Cv2.WarpAffine(image, output, matrix, Canvas, InterpolationFlags.Linear, BorderTypes.Constant, Scalar.Black);
        return output;
    }
}
