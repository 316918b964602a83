using OpenCvSharp;
using Refinery.Imaging.Analysis;
using Refinery.TestSupport;

namespace Refinery.Imaging.Tests.Analysis;

/// <summary>Images whose feature values are known in closed form, made in the test.</summary>
internal static class TestImages
{
    public static Mat Uniform(int width, int height, byte blue, byte green, byte red) =>
        new(height, width, MatType.CV_8UC3, new Scalar(blue, green, red));

    public static Mat UniformGrey(int width, int height, byte value) => Uniform(width, height, value, value, value);

    /// <summary>The longest prefix of <paramref name="bytes"/> that is whole pixels of <paramref name="channels"/> bytes.</summary>
    public static byte[] WholePixels(byte[] bytes, int channels) => bytes[..(bytes.Length / channels * channels)];

    /// <summary>A new 8-bit Mat holding <paramref name="pixels"/> (row-major, interleaved channels).</summary>
    public static Mat FromPixels(byte[] pixels, int width, int height, int channels)
    {
        var mat = new Mat(height, width, MatType.CV_8UC(channels));
        pixels.CopyTo(mat.AsSpan<byte>());
        return mat;
    }

    public static Mat Checkerboard(int width, int height, int square)
    {
        var image = UniformGrey(width, height, 0);
        for (var y = 0; y < height; y += square)
        {
            for (var x = (y / square) % 2 * square; x < width; x += 2 * square)
            {
                Cv2.Rectangle(image, new Rect(x, y, square, square), Scalar.All(255), -1);
            }
        }

        return image;
    }

    /// <summary>A horizontal grey ramp from 0 to <paramref name="maxValue"/>.</summary>
    public static Mat HorizontalRamp(int width, int height, int maxValue)
    {
        using var row = new Mat(1, width, MatType.CV_8UC1);
        for (var x = 0; x < width; x++)
        {
            row.Set(0, x, (byte)(x * maxValue / (width - 1)));
        }

        using var grey = new Mat();
        Cv2.Repeat(row, height, 1, grey);
        var colour = new Mat();
        Cv2.CvtColor(grey, colour, ColorConversionCodes.GRAY2BGR);
        return colour;
    }

    /// <summary>
    /// A dim plane, grey = 120·x/(W−1) + 40·y/(H−1): smooth everywhere and spread over ~160 grey levels, so neither of
    /// cleanvision's blurry terms rescues it (its edge image is its copied border; its histogram is flat).
    /// </summary>
    public static Mat SmoothPlane(int width, int height)
    {
        using var plane = new Mat(height, width, MatType.CV_32FC1);
        var values = plane.AsSpan<float>();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                values[(y * width) + x] = (120f * x / (width - 1)) + (40f * y / (height - 1));
            }
        }

        using var grey = new Mat();
        plane.ConvertTo(grey, MatType.CV_8U);
        var colour = new Mat();
        Cv2.CvtColor(grey, colour, ColorConversionCodes.GRAY2BGR);
        return colour;
    }

    /// <summary>Smooth colour shapes on a gradient: a natural-looking image whose pHash is stable under re-encoding.</summary>
    public static Mat Scene(int width, int height)
    {
        var image = HorizontalRamp(width, height, 200);
        Cv2.Circle(image, new Point(width / 3, height / 2), height / 4, new Scalar(40, 90, 220), -1);
        Cv2.Rectangle(image, new Rect(width / 2, height / 5, width / 4, height / 2), new Scalar(200, 160, 30), -1);
        Cv2.Ellipse(image, new Point(3 * width / 4, 3 * height / 4), new Size(width / 8, height / 10), 30, 0, 360, new Scalar(20, 200, 60), -1);
        Cv2.GaussianBlur(image, image, new Size(0, 0), 2);
        return image;
    }

    public static byte[] Encode(Mat image, string extension, params ImageEncodingParam[] parameters)
    {
        Cv2.ImEncode(extension, image, out var bytes, parameters);
        return bytes;
    }

    public static byte[] Jpeg(Mat image, int quality = 95) =>
        Encode(image, ".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));

    public static byte[] Png(Mat image) => Encode(image, ".png");

    public static ImageAnalysis Analyse(byte[] encoded, IReadOnlyList<BoxRect>? boxes = null)
    {
        using var image = TestDecoders.Decode(encoded);
        return ImageAnalyzer.Analyze(image, AnalysisFeatures.All, boxes);
    }

    public static ImageAnalysis Analyse(Mat image, IReadOnlyList<BoxRect>? boxes = null) => Analyse(Png(image), boxes);
}
