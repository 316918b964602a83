using OpenCvSharp;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>Images made in the test, with content that compresses like photographs (noise plus shapes).</summary>
public static class TestImages
{
    public static byte[] Jpeg(int width, int height, int seed = 1) => Encode(Colour(width, height, seed), ".jpg");

    /// <summary>
    /// A structured scene (gradient, bars, a disc) with no noise: its perceptual hash is stable under re-encoding,
    /// as a photograph's is, unlike noise whose low frequencies sit at the median.
    /// </summary>
    public static byte[] SceneJpeg(int width, int height)
    {
        using var image = new Mat(height, width, MatType.CV_8UC3, new Scalar(60, 80, 200));
        Cv2.Rectangle(image, new Rect(0, height / 2, width, height / 2), new Scalar(200, 120, 40), -1);

        Cv2.Rectangle(image, new Rect(width / 8, height / 6, width / 5, height / 2), new Scalar(250, 250, 250), -1);
        Cv2.Rectangle(image, new Rect(width / 2, height / 2, width / 3, height / 4), new Scalar(10, 10, 10), -1);
        Cv2.Circle(image, new Point(3 * width / 4, height / 4), height / 6, new Scalar(0, 200, 255), -1);
        return image.ImEncode(".jpg");
    }

    public static byte[] Png(int width, int height, int seed = 1) => Encode(Colour(width, height, seed), ".png");

    public static byte[] GrayPng(int width, int height)
    {
        using var gray = new Mat(height, width, MatType.CV_8UC1);
        new RNG(1).Fill(gray, DistributionType.Uniform, new Scalar(0), new Scalar(255));
        return Encode(gray, ".png");
    }

    /// <summary>A JPEG cut off half-way: the decoder would half-decode it, validation must drop it.</summary>
    public static byte[] TruncatedJpeg(int width, int height) => Jpeg(width, height)[..(width * height / 20)];

    public static string Voc(string fileName, int? width, int? height, params (string Name, double XMin, double YMin, double XMax, double YMax)[] boxes)
    {
        var size = width is null ? "" : $"<size><width>{width}</width><height>{height}</height><depth>3</depth></size>";
        var objects = string.Concat(boxes.Select(box =>
            $"<object><name>{box.Name}</name><pose>Unspecified</pose><truncated>0</truncated><occluded>0</occluded><difficult>0</difficult>" +
            $"<bndbox><xmin>{box.XMin}</xmin><ymin>{box.YMin}</ymin><xmax>{box.XMax}</xmax><ymax>{box.YMax}</ymax></bndbox></object>"));
        return $"<annotation><folder>imgs</folder><filename>{fileName}</filename>{size}<segmented>0</segmented>{objects}</annotation>";
    }

    private static Mat Colour(int width, int height, int seed)
    {
        var image = new Mat(height, width, MatType.CV_8UC3);
        var random = new RNG((ulong)seed);
        random.Fill(image, DistributionType.Uniform, new Scalar(0, 0, 0), new Scalar(255, 255, 255));
        Cv2.GaussianBlur(image, image, new Size(0, 0), 3);
        Cv2.Circle(image, new Point(width / 2, height / 2), Math.Min(width, height) / 4, new Scalar(seed * 40 % 255, 200, 30), -1);
        return image;
    }

    private static byte[] Encode(Mat image, string extension)
    {
        using (image)
        {
            return image.ImEncode(extension);
        }
    }
}
