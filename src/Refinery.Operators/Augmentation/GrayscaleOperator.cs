using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary><c>Grayscale</c>: BT.601 luminance replicated to the three channels (imgaug Grayscale(alpha=1)).</summary>
public sealed class GrayscaleOperator : FixedAugmentationOperator
{
    public override string Name => "Grayscale";

    /// <summary>The gray plane and the output.</summary>
    public override long ApplyBytes(Size size, NoParameters drawn) => PixelBytes.Plane(size, 1) + PixelBytes.Bgr(size);

    public override Mat ApplyToImage(Mat image, NoParameters drawn)
    {
        using var gray = new Mat();
        Cv2.CvtColor(image, gray, ColorConversionCodes.BGR2GRAY);
        var output = new Mat();
        Cv2.CvtColor(gray, output, ColorConversionCodes.GRAY2BGR);
        return output;
    }
}
