using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary><c>Resize</c>: to exactly <c>width</c> × <c>height</c>; boxes scale by W'/W and H'/H.</summary>
public sealed class ResizeOperator : GeometricAugmentationOperator<ResizeOperator.Params, ResizeOperator.Params>
{
    public const int MaxSide = 16384;

    public sealed record Params(int Width, int Height);

    public override string Name => "Resize";

    public override Params ParseParams(OperatorParameters parameters)
    {
        var read = new AugmentationParameters(parameters, "height", "width");
        return new Params(read.WholeNumber("width", 224, 1, MaxSide), read.WholeNumber("height", 224, 1, MaxSide));
    }

    public override Params Draw(Params parameters, Size size, AugmentationRandom random) => parameters;

    public override AffinePlan Plan(Size size, Params drawn) =>
        new((double)drawn.Width / size.Width, 0, 0, 0, (double)drawn.Height / size.Height, 0, new Size(drawn.Width, drawn.Height));

    public override Mat ApplyToImage(Mat image, Params drawn)
    {
        var output = new Mat();
        var shrinking = drawn.Width * drawn.Height < image.Width * image.Height;
        Cv2.Resize(image, output, new Size(drawn.Width, drawn.Height), 0, 0, shrinking ? InterpolationFlags.Area : InterpolationFlags.Linear);
        return output;
    }
}
