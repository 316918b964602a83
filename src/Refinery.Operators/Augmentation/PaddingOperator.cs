using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary><c>Padding</c>: black borders of <c>px_top</c>, <c>px_right</c>, <c>px_bottom</c>, <c>px_left</c> pixels; the canvas grows.</summary>
public sealed class PaddingOperator : GeometricAugmentationOperator<PaddingOperator.Params, PaddingOperator.Params>
{
    /// <summary>Large enough for any real use, small enough that a typo cannot ask for gigabytes.</summary>
    public const int MaxPixels = 8192;

    public sealed record Params(int Top, int Right, int Bottom, int Left);

    public override string Name => "Padding";

    public override Params ParseParams(OperatorParameters parameters)
    {
        var read = new AugmentationParameters(parameters, "px_top", "px_right", "px_bottom", "px_left");
        return new Params(
            read.WholeNumber("px_top", 1, 0, MaxPixels), read.WholeNumber("px_right", 1, 0, MaxPixels),
            read.WholeNumber("px_bottom", 1, 0, MaxPixels), read.WholeNumber("px_left", 1, 0, MaxPixels));
    }

    public override Params Draw(Params parameters, Size size, AugmentationRandom random) => parameters;

    public override AffinePlan Plan(Size size, Params drawn) =>
        AffinePlan.Translation(drawn.Left, drawn.Top, new Size(size.Width + drawn.Left + drawn.Right, size.Height + drawn.Top + drawn.Bottom));

    public override Mat ApplyToImage(Mat image, Params drawn)
    {
        var output = new Mat();
        Cv2.CopyMakeBorder(image, output, drawn.Top, drawn.Bottom, drawn.Left, drawn.Right, BorderTypes.Constant, Scalar.Black);
        return output;
    }
}
