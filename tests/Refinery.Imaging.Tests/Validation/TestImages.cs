using OpenCvSharp;

namespace Refinery.Imaging.Tests.Validation;

/// <summary>Images made in the test with OpenCV: textured so that encoders produce real entropy-coded data.</summary>
internal static class TestImages
{
    public static Mat Color(int width, int height)
    {
        var image = new Mat(height, width, MatType.CV_8UC3);
        Cv2.Randu(image, Scalar.All(0), Scalar.All(255));
        Cv2.Rectangle(image, new Rect(width / 4, height / 4, width / 2, height / 2), new Scalar(40, 200, 90), -1);
        return image;
    }

    public static byte[] Encode(Mat image, string extension)
    {
        Cv2.ImEncode(extension, image, out var bytes);
        return bytes;
    }

    public static byte[] Jpeg(int width = 120, int height = 80)
    {
        using var image = Color(width, height);
        return Encode(image, ".jpg");
    }

    public static byte[] Png(int width = 120, int height = 80)
    {
        using var image = Color(width, height);
        return Encode(image, ".png");
    }

    public static byte[] GrayPng(int width = 120, int height = 80)
    {
        using var color = Color(width, height);
        using var gray = color.CvtColor(ColorConversionCodes.BGR2GRAY);
        return Encode(gray, ".png");
    }
}
