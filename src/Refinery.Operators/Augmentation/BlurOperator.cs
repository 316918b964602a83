using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary><c>Blur</c>: Gaussian with σ∈[0, 3] or a box average with k∈[1, 7] (imgaug GaussianBlur, AverageBlur defaults).</summary>
public sealed class BlurOperator : AugmentationOperator<BlurOperator.Kind, BlurOperator.Drawn>
{
    // Below this σ the Gaussian kernel is a single tap: imgaug skips it too.
    private const double MinSigma = 0.01;

    public enum Kind
    {
        Gauss,
        Average,
    }

    /// <param name="Size">σ for Gauss, the kernel side for Average.</param>
    public sealed record Drawn(Kind Kind, double Size);

    public override string Name => "Blur";

    public override Kind ParseParams(OperatorParameters parameters) =>
        new AugmentationParameters(parameters, "blur_type").Choice("blur_type", Kind.Gauss);

    public override Drawn Draw(Kind parameters, Size size, AugmentationRandom random) =>
        parameters == Kind.Gauss ? new Drawn(parameters, random.Uniform(0, 3)) : new Drawn(parameters, random.NextInt(1, 7));

    public override long ApplyBytes(Size size, Drawn drawn) => PixelBytes.Bgr(size);

    public override Mat ApplyToImage(Mat image, Drawn drawn)
    {
        var output = new Mat();
        if (drawn.Kind == Kind.Average)
        {
            Cv2.Blur(image, output, new Size((int)drawn.Size, (int)drawn.Size), borderType: BorderTypes.Reflect101);
        }
        else if (drawn.Size < MinSigma)
        {
            image.CopyTo(output);
        }
        else
        {
            Cv2.GaussianBlur(image, output, new Size(0, 0), drawn.Size);
        }

        return output;
    }
}
