using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// <c>Saturation</c>: a linear change of hue and saturation in HSV (imgaug AddToHueAndSaturation /
/// MultiplySaturation): hue turned by [−20, 20]°, saturation multiplied by [0.5, 1.5].
/// </summary>
public sealed class SaturationOperator : ParameterlessAugmentationOperator<SaturationOperator.Drawn>
{
    public sealed record Drawn(double HueDegrees, double SaturationGain);

    public override string Name => "Saturation";

    public override Drawn Draw(NoParameters parameters, Size size, AugmentationRandom random) =>
        new(random.Uniform(-20, 20), random.Uniform(0.5, 1.5));

    /// <summary>HSV (looked up in place) beside the output, and the 3-channel table.</summary>
    public override long ApplyBytes(Size size, Drawn drawn) => (2 * PixelBytes.Bgr(size)) + (256 * 3);

    public override Mat ApplyToImage(Mat image, Drawn drawn)
    {
        using var hsv = new Mat();
        Cv2.CvtColor(image, hsv, ColorConversionCodes.BGR2HSV_FULL);

        // One 3-channel table: hue wraps round the full 0–255 circle, saturation scales and saturates, value stays.
        using var table = new Mat(1, 256, MatType.CV_8UC3);
        var hueShift = drawn.HueDegrees * 256 / 360;
        for (var value = 0; value < 256; value++)
        {
            var hue = (int)Math.Round(value + hueShift) & 0xFF;
            var saturation = (byte)Math.Clamp(Math.Round(value * drawn.SaturationGain), 0, 255);
            table.Set(0, value, new Vec3b((byte)hue, saturation, (byte)value));
        }

        Cv2.LUT(hsv, table, hsv);
        var output = new Mat();
        Cv2.CvtColor(hsv, output, ColorConversionCodes.HSV2BGR_FULL);
        return output;
    }
}
