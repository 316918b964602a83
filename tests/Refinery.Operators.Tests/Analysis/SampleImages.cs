using OpenCvSharp;

namespace Refinery.Operators.Tests.Analysis;

/// <summary>Encoded images made in the test.</summary>
internal static class SampleImages
{
    public static Mat Scene(int width, int height)
    {
        var image = new Mat(height, width, MatType.CV_8UC3, new Scalar(60, 90, 120));
        Cv2.Circle(image, new Point(width / 3, height / 2), height / 4, new Scalar(40, 90, 220), -1);
        Cv2.Rectangle(image, new Rect(width / 2, height / 5, width / 4, height / 2), new Scalar(200, 160, 30), -1);
        Cv2.Ellipse(image, new Point(3 * width / 4, 3 * height / 4), new Size(width / 8, height / 10), 30, 0, 360, new Scalar(20, 200, 60), -1);
        Cv2.GaussianBlur(image, image, new Size(0, 0), 2);
        return image;
    }

    public static byte[] Jpeg(Mat image, int quality = 95)
    {
        Cv2.ImEncode(".jpg", image, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));
        return bytes;
    }

    public static byte[] Png(Mat image)
    {
        Cv2.ImEncode(".png", image, out var bytes);
        return bytes;
    }

    public static byte[] SceneJpeg(int width, int height, int quality = 95)
    {
        using var image = Scene(width, height);
        return Jpeg(image, quality);
    }

    /// <summary>The JPEG decoded and encoded again at <paramref name="quality"/>: same scene, different pixels.</summary>
    public static byte[] Reencoded(byte[] jpeg, int quality)
    {
        using var decoded = Cv2.ImDecode(jpeg, ImreadModes.Unchanged);
        return Jpeg(decoded, quality);
    }
}
