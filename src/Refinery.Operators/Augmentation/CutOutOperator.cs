using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// <c>CutOut</c>: imgaug's Cutout defaults: one square hole of side 0.2 × the shorter side, centred anywhere on the
/// image (it may be cut by the border), filled with gray 128. Boxes are kept: occlusion is what it simulates.
/// </summary>
public sealed class CutOutOperator : ParameterlessAugmentationOperator<CutOutOperator.Drawn>
{
    public const double SideFraction = 0.2;

    public const int Fill = 128;

    /// <summary>The hole's square before clipping to the image, in pixels.</summary>
    public sealed record Drawn(int Left, int Top, int Side);

    public override string Name => "CutOut";

    public override Drawn Draw(NoParameters parameters, Size size, AugmentationRandom random)
    {
        var side = Math.Max(1, (int)Math.Round(SideFraction * Math.Min(size.Width, size.Height)));
        var centreX = random.NextInt(0, size.Width - 1);
        var centreY = random.NextInt(0, size.Height - 1);
        return new Drawn(centreX - (side / 2), centreY - (side / 2), side);
    }

    /// <summary>The output clone; the hole is a view into it.</summary>
    public override long ApplyBytes(Size size, Drawn drawn) => PixelBytes.Bgr(size);

    public override Mat ApplyToImage(Mat image, Drawn drawn)
    {
        var output = image.Clone();
        var hole = new Rect(drawn.Left, drawn.Top, drawn.Side, drawn.Side) & new Rect(0, 0, image.Width, image.Height);
        using var region = new Mat(output, hole);
        region.SetTo(Scalar.All(Fill));
        return output;
    }
}
