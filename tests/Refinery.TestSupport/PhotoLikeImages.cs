using OpenCvSharp;

namespace Refinery.TestSupport;

/// <summary>
/// Seeded photo-like pictures: a gradient sky, filled shapes and strokes, grain and a mild blur. The same seed and size
/// give the same pixels on every run and thread (the grain comes from <see cref="Random"/>, not OpenCV's thread-local
/// generator), so a stored reference computed from one stays valid.
/// </summary>
public static class PhotoLikeImages
{
    private const int Shapes = 30;
    private const int Grain = 4;

    public static Mat Create(int seed, int width, int height)
    {
        var random = new Random(seed);
        var image = new Mat(height, width, MatType.CV_8UC3);
        var top = RandomColour(random);
        var bottom = RandomColour(random);
        for (var row = 0; row < height; row++)
        {
            var t = (double)row / height;
            Cv2.Line(image, new Point(0, row), new Point(width - 1, row), Lerp(top, bottom, t));
        }

        var shortSide = Math.Min(width, height);
        for (var shape = 0; shape < Shapes; shape++)
        {
            var colour = RandomColour(random);
            var centre = new Point(random.Next(width), random.Next(height));
            var size = random.Next(Math.Max(2, shortSide / 40), Math.Max(3, shortSide / 4));
            var kind = random.Next(3);
            if (kind == 0)
            {
                Cv2.Circle(image, centre, size, colour, -1, LineTypes.AntiAlias);
            }
            else if (kind == 1)
            {
                Cv2.Rectangle(image, new Rect(centre.X, centre.Y, size, size * 2 / 3), colour, -1);
            }
            else
            {
                var end = new Point(random.Next(width), random.Next(height));
                Cv2.Line(image, centre, end, colour, Math.Max(1, shortSide / 60), LineTypes.AntiAlias);
            }
        }

        var grain = new byte[width * height * 3];
        random.NextBytes(grain);
        using var noise = Mat.FromPixelData(height, width, MatType.CV_8UC3, grain);
        using var scaled = new Mat();
        noise.ConvertTo(scaled, MatType.CV_16SC3, 2.0 * Grain / 255, -Grain);
        using var widened = new Mat();
        image.ConvertTo(widened, MatType.CV_16SC3);
        Cv2.Add(widened, scaled, widened);
        widened.ConvertTo(image, MatType.CV_8UC3);
        Cv2.GaussianBlur(image, image, new Size(0, 0), 0.8);
        return image;
    }

    private static Scalar Lerp(Scalar from, Scalar to, double t) =>
        new(from.Val0 + ((to.Val0 - from.Val0) * t), from.Val1 + ((to.Val1 - from.Val1) * t), from.Val2 + ((to.Val2 - from.Val2) * t));

    private static Scalar RandomColour(Random random) => new(random.Next(256), random.Next(256), random.Next(256));
}
