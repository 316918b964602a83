using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary><c>Grayscale</c>: BT.601 luminance replicated to the three channels (imgaug Grayscale(alpha=1)).</summary>
public sealed class GrayscaleOperator : ParameterlessAugmentationOperator<NoParameters>
{
    public override string Name => "Grayscale";

    public override NoParameters Draw(NoParameters parameters, Size size, AugmentationRandom random) => parameters;

    public override Mat ApplyToImage(Mat image, NoParameters drawn)
    {
        using var gray = new Mat();
        Cv2.CvtColor(image, gray, ColorConversionCodes.BGR2GRAY);
        var output = new Mat();
        Cv2.CvtColor(gray, output, ColorConversionCodes.GRAY2BGR);
        return output;
    }
}
