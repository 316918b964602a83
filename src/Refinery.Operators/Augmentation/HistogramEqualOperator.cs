using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// <c>HistogramEqual</c>: equalise the lightness channel of Lab (imgaug HistogramEqualization), so contrast spreads
/// over the full range without shifting hues as equalising B, G and R separately would.
/// </summary>
public sealed class HistogramEqualOperator : FixedAugmentationOperator
{
    public override string Name => "HistogramEqual";

    /// <summary>Lab beside its three split planes, then Lab beside the output (the planes are freed first): two images.</summary>
    public override long ApplyBytes(Size size, NoParameters drawn) => 2 * PixelBytes.Bgr(size);

    public override Mat ApplyToImage(Mat image, NoParameters drawn)
    {
        using var lab = new Mat();
        Cv2.CvtColor(image, lab, ColorConversionCodes.BGR2Lab);
        var channels = Cv2.Split(lab);
        try
        {
            Cv2.EqualizeHist(channels[0], channels[0]);
            Cv2.Merge(channels, lab);
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }

        var output = new Mat();
        Cv2.CvtColor(lab, output, ColorConversionCodes.Lab2BGR);
        return output;
    }
}
