using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// <c>LightArithmetic</c>: a linear change of brightness, v' = gain·v + offset, with imgaug's Multiply (0.8–1.2) and
/// Add (−20–20) ranges, saturated to 0–255.
/// </summary>
public sealed class LightArithmeticOperator : ParameterlessAugmentationOperator<LightArithmeticOperator.Drawn>
{
    private static readonly NumericRange _gain = new(0.8, 1.2);
    private static readonly NumericRange _offset = new(-20, 20);

    public sealed record Drawn(double Gain, double Offset);

    public override string Name => "LightArithmetic";

    public override Drawn Draw(NoParameters parameters, Size size, AugmentationRandom random) => new(_gain.Draw(random), _offset.Draw(random));

    public override long ApplyBytes(Size size, Drawn drawn) => PixelBytes.Bgr(size);

    public override Mat ApplyToImage(Mat image, Drawn drawn)
    {
        var output = new Mat();
        image.ConvertTo(output, MatType.CV_8UC3, drawn.Gain, drawn.Offset);
        return output;
    }
}
