using OpenCvSharp;

namespace Refinery.TestSupport;

/// <summary>
/// Images of three visibly different families for the prototype tests: red stripes on white, a green-and-black
/// checkerboard, and blue discs on yellow. Within a family the variant changes the period, phase, size and a little
/// noise, so no two images are equal but every member is far nearer its own family than another in a CNN's embedding.
/// </summary>
public static class PatternImages
{
    // The size of the integration tests' quality images, so that odd_size sees one size when both are cleaned together.
    public const int Width = 200;
    public const int Height = 150;

    public enum Family
    {
        Stripes,
        Checkerboard,
        Discs,
    }

    public static byte[] Jpeg(Family family, int variant)
    {
        using var image = Create(family, variant);
        return image.ImEncode(".jpg");
    }

    public static Mat Create(Family family, int variant)
    {
        var image = family switch
        {
            Family.Stripes => Stripes(variant),
            Family.Checkerboard => Checkerboard(variant),
            _ => Discs(variant),
        };
        using var noise = new Mat(Height, Width, MatType.CV_8UC3);
        new RNG((ulong)(variant + 1)).Fill(noise, DistributionType.Normal, Scalar.All(0), Scalar.All(6));
        Cv2.Add(image, noise, image);
        return image;
    }

    private static Mat Stripes(int variant)
    {
        var image = new Mat(Height, Width, MatType.CV_8UC3, new Scalar(245, 245, 245));
        var period = 18 + (variant % 5 * 3);
        for (var y = variant * 5 % period; y < Height; y += period)
        {
            Cv2.Rectangle(image, new Rect(0, y, Width, period / 2), new Scalar(30, 30, 220), -1);
        }

        return image;
    }

    private static Mat Checkerboard(int variant)
    {
        var image = new Mat(Height, Width, MatType.CV_8UC3, new Scalar(10, 10, 10));
        var cell = 16 + (variant % 5 * 4);
        for (var y = 0; y < Height; y += cell)
        {
            for (var x = (y / cell % 2 * cell) + (variant * 3 % cell); x < Width; x += 2 * cell)
            {
                Cv2.Rectangle(image, new Rect(x, y, cell, cell), new Scalar(40, 200, 40), -1);
            }
        }

        return image;
    }

    private static Mat Discs(int variant)
    {
        var image = new Mat(Height, Width, MatType.CV_8UC3, new Scalar(40, 220, 240));
        var spacing = 40 + (variant % 4 * 6);
        var radius = spacing / 3;
        for (var y = spacing / 2; y < Height; y += spacing)
        {
            for (var x = (spacing / 2) + (variant * 7 % spacing); x < Width; x += spacing)
            {
                Cv2.Circle(image, new Point(x, y), radius, new Scalar(200, 60, 20), -1);
            }
        }

        return image;
    }
}
