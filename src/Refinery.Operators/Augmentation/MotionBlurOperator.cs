using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// <c>MotionBlur</c>: imgaug's kernel: a k×k line (k∈[3, 7]) whose weights ramp by <c>direction</c>∈[−1, 1]
/// (0 = even smear), turned by an angle in [0, 360)°, normalised to sum 1.
/// </summary>
public sealed class MotionBlurOperator : ParameterlessAugmentationOperator<MotionBlurOperator.Drawn>
{
    public sealed record Drawn(int KernelSize, double Degrees, double Direction);

    public override string Name => "MotionBlur";

    public override Drawn Draw(NoParameters parameters, Size size, AugmentationRandom random) =>
        new(random.NextInt(3, 7), random.Uniform(0, 360), random.Uniform(-1, 1));

    /// <summary>The output and the kernel, made from a line and a rotation matrix of its size.</summary>
    public override long ApplyBytes(Size size, Drawn drawn) => PixelBytes.Bgr(size) + (3L * drawn.KernelSize * drawn.KernelSize * sizeof(double));

    public override Mat ApplyToImage(Mat image, Drawn drawn)
    {
        using var kernel = Kernel(drawn);
        var output = new Mat();
        Cv2.Filter2D(image, output, -1, kernel);
        return output;
    }

    public static Mat Kernel(Drawn drawn)
    {
        var k = drawn.KernelSize;
        using var line = new Mat(k, k, MatType.CV_32FC1, Scalar.All(0));
        var start = (drawn.Direction + 1) / 2;
        for (var row = 0; row < k; row++)
        {
            line.Set(row, k / 2, (float)(start + ((1 - (2 * start)) * row / (k - 1))));
        }

        using var rotation = Cv2.GetRotationMatrix2D(new Point2f((k - 1) / 2f, (k - 1) / 2f), drawn.Degrees, 1);
        var kernel = new Mat();
        Cv2.WarpAffine(line, kernel, rotation, new Size(k, k), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        var sum = Cv2.Sum(kernel).Val0;
        if (sum <= 0)
        {
            // A ramp of direction ±1 rotated between taps can lose all weight: fall back to no blur.
            kernel.SetTo(Scalar.All(0));
            kernel.Set(k / 2, k / 2, 1f);
            return kernel;
        }

        kernel.ConvertTo(kernel, MatType.CV_32FC1, 1 / sum);
        return kernel;
    }
}
