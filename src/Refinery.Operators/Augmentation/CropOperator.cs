using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// <c>Crop</c>: from each side, a fraction drawn in [<c>crop_percent_min</c>, <c>crop_percent_max</c>] is cut away.
/// The result keeps its cropped size (imgaug's <c>keep_size=False</c>): no resampling, and the VOC size is updated.
/// </summary>
public sealed class CropOperator : GeometricAugmentationOperator<CropOperator.Params, CropOperator.Drawn>
{
    /// <summary>Per side, so that opposite sides together always leave some image.</summary>
    public const double MaxFraction = 0.49;

    public sealed record Params(NumericRange Fraction);

    /// <summary>Pixels cut from each side.</summary>
    public sealed record Drawn(int Top, int Right, int Bottom, int Left);

    public override string Name => "Crop";

    public override Params ParseParams(OperatorParameters parameters)
    {
        var read = new AugmentationParameters(parameters, "crop_percent_min", "crop_percent_max");
        return new Params(read.Range("crop_percent_min", "crop_percent_max", new NumericRange(0, 0.2), 0, MaxFraction));
    }

    public override Drawn Draw(Params parameters, Size size, AugmentationRandom random)
    {
        int Cut(int length) => (int)Math.Round(parameters.Fraction.Draw(random) * length);
        var (top, right, bottom, left) = (Cut(size.Height), Cut(size.Width), Cut(size.Height), Cut(size.Width));

        // Under 50 px, 0.49 of a side can round up to half of it at both ends: one pixel is always left.
        return new Drawn(top, right, Math.Min(bottom, size.Height - top - 1), Math.Min(left, size.Width - right - 1));
    }

    public override AffinePlan Plan(Size size, Drawn drawn) =>
        AffinePlan.Translation(-drawn.Left, -drawn.Top, new Size(size.Width - drawn.Left - drawn.Right, size.Height - drawn.Top - drawn.Bottom));

    public override Mat ApplyToImage(Mat image, Drawn drawn)
    {
        var canvas = Plan(image.Size(), drawn).Canvas;
        using var region = new Mat(image, new Rect(drawn.Left, drawn.Top, canvas.Width, canvas.Height));
        return region.Clone();
    }
}
