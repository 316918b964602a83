using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Refinery.Imaging.Embeddings;

/// <summary>
/// Turns pixels into the input <c>ResNet18.onnx</c> expects, which is what ML.NET's ResNet-18 pipeline feeds it:
/// the image scaled so its shorter side is 224 (area averaging when shrinking, bilinear when enlarging), the central
/// 224×224 cut out (ML.NET's <c>ResizeImages</c> default, IsoCrop with the centre anchor), then as float planes in B, G,
/// R order with values 0–255 minus the package's per-pixel ImageNet mean image. Not divided by a standard deviation:
/// the CNTK model was trained on mean-subtracted 0–255 values, not on torchvision's mean/std normalisation.
/// </summary>
public sealed class ResNet18Preprocessor : IDisposable
{
    private const int Side = ResNet18ModelFiles.InputSide;

    /// <summary>Floats per image in the model's input: 3 planes of 224×224.</summary>
    public const int ValuesPerImage = 3 * Side * Side;

    // The mean image, negated, as interleaved BGR floats: adding it is the preprocessing graph's subtraction.
    private readonly Mat _negatedMean;

    /// <param name="negatedMeanPlanes">What <c>ResNetPreprocess.onnx</c> gives for a black image: minus the mean image, as B, G and R planes.</param>
    public ResNet18Preprocessor(ReadOnlySpan<float> negatedMeanPlanes)
    {
        if (negatedMeanPlanes.Length != ValuesPerImage)
        {
            throw new ArgumentException($"the mean image has {negatedMeanPlanes.Length} values, not the {ValuesPerImage} of 3 planes of {Side}×{Side}", nameof(negatedMeanPlanes));
        }

        var planes = new Mat[3];
        for (var channel = 0; channel < 3; channel++)
        {
            planes[channel] = new Mat(Side, Side, MatType.CV_32FC1);
            Marshal.Copy(negatedMeanPlanes.Slice(channel * Side * Side, Side * Side).ToArray(), 0, planes[channel].Data, Side * Side);
        }

        _negatedMean = new Mat();
        Cv2.Merge(planes, _negatedMean);
        foreach (var plane in planes)
        {
            plane.Dispose();
        }
    }

    /// <summary>Writes the model input for <paramref name="pixels"/> into <paramref name="destination"/> from <paramref name="offset"/> on.</summary>
    /// <param name="pixels">8-bit BGR, BGRA or grey pixels, as OpenCV decodes them.</param>
    public void Write(Mat pixels, float[] destination, int offset)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(destination);
        using var square = CentreSquare(pixels);
        using var values = new Mat();
        square.ConvertTo(values, MatType.CV_32FC3);
        Cv2.Add(values, _negatedMean, values);
        var planes = Cv2.Split(values);
        try
        {
            for (var channel = 0; channel < 3; channel++)
            {
                Marshal.Copy(planes[channel].Data, destination, offset + (channel * Side * Side), Side * Side);
            }
        }
        finally
        {
            foreach (var plane in planes)
            {
                plane.Dispose();
            }
        }
    }

    /// <summary>The size the image is scaled to before the crop: its shorter side 224, its aspect ratio kept.</summary>
    public static Size ScaledSize(int width, int height)
    {
        var scale = (double)Side / Math.Min(width, height);
        return new Size(Math.Max(Side, (int)Math.Round(width * scale)), Math.Max(Side, (int)Math.Round(height * scale)));
    }

    private static Mat CentreSquare(Mat pixels)
    {
        if (pixels.Depth() != MatType.CV_8U || pixels.Channels() is not (1 or 3 or 4) || pixels.Empty())
        {
            throw new ArgumentException($"embedding needs 8-bit BGR, BGRA or grey pixels, not a {pixels.Width}x{pixels.Height} {pixels.Type()} image", nameof(pixels));
        }

        using var color = pixels.Channels() switch
        {
            1 => pixels.CvtColor(ColorConversionCodes.GRAY2BGR),
            4 => pixels.CvtColor(ColorConversionCodes.BGRA2BGR),
            _ => null,
        };
        var source = color ?? pixels;
        var size = ScaledSize(source.Width, source.Height);
        using var scaled = new Mat();
        var shrinking = size.Width < source.Width;
        Cv2.Resize(source, scaled, size, interpolation: shrinking ? InterpolationFlags.Area : InterpolationFlags.Linear);
        var crop = new Rect((size.Width - Side) / 2, (size.Height - Side) / 2, Side, Side);
        return scaled[crop].Clone();
    }

    public void Dispose() => _negatedMean.Dispose();
}
