using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// <c>Sharpen</c>: imgaug's kernel, (1 − α)·identity + α·[−1 −1 −1; −1 8+L −1; −1 −1 −1], α∈[0, 0.2], L∈[0.8, 1.2].
/// </summary>
public sealed class SharpenOperator : ParameterlessAugmentationOperator<SharpenOperator.Drawn>
{
    public sealed record Drawn(double Alpha, double Lightness);

    public override string Name => "Sharpen";

    public override Drawn Draw(NoParameters parameters, Size size, AugmentationRandom random) =>
        new(random.Uniform(0, 0.2), random.Uniform(0.8, 1.2));

    /// <summary>The output and the 3×3 kernel.</summary>
    public override long ApplyBytes(Size size, Drawn drawn) => PixelBytes.Bgr(size) + (9 * sizeof(float));

    public override Mat ApplyToImage(Mat image, Drawn drawn)
    {
        using var kernel = new Mat(3, 3, MatType.CV_32FC1, Scalar.All(-drawn.Alpha));
        kernel.Set(1, 1, (float)((1 - drawn.Alpha) + (drawn.Alpha * (8 + drawn.Lightness))));
        var output = new Mat();
        Cv2.Filter2D(image, output, -1, kernel);
        return output;
    }
}
