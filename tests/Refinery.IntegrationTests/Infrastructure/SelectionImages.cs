using OpenCvSharp;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>
/// Images for the selection operators: distinct scenes with their near-duplicates (resized, re-encoded at quality 60,
/// slightly cropped), and families of images that look alike within a family and unlike the other families.
/// </summary>
/// <remarks>
/// Scenes are a gradient with a few large shapes and strokes: their perceptual hash lives in the low frequencies, so it
/// survives the copies, and they differ enough in layout and colour that ResNet-18 tells them apart. Measured at 320×240
/// over 8 scenes: a copy against its scene cosine ≥ 0.95 and Hamming ≤ 4; two scenes cosine ≤ 0.84 and Hamming ≥ 20.
/// Busier pictures (fine shapes, grain) sit closer to the default threshold 0.9 on both sides.
/// </remarks>
public static class SelectionImages
{
    public const int Width = 320;
    public const int Height = 240;

    /// <summary>The number of image families <see cref="FamilyMember"/> draws.</summary>
    public const int FamilyCount = 4;

    public static byte[] Scene(int seed)
    {
        using var scene = DrawScene(seed);
        return scene.ImEncode(".jpg");
    }

    /// <summary>The scene shrunk to 60 % of its size (area interpolation).</summary>
    public static byte[] Resized(int seed)
    {
        using var scene = DrawScene(seed);
        using var small = new Mat();
        Cv2.Resize(scene, small, new Size(Width * 3 / 5, Height * 3 / 5), 0, 0, InterpolationFlags.Area);
        return small.ImEncode(".jpg");
    }

    public static byte[] AtQuality60(int seed)
    {
        using var scene = DrawScene(seed);
        return scene.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 60));
    }

    /// <summary>The scene without 1 % of its width and height on every side.</summary>
    public static byte[] Cropped(int seed)
    {
        using var scene = DrawScene(seed);
        var (marginX, marginY) = (Width / 100, Height / 100);
        using var cropped = scene[new Rect(marginX, marginY, Width - (2 * marginX), Height - (2 * marginY))].Clone();
        return cropped.ImEncode(".jpg");
    }

    /// <summary>
    /// Member <paramref name="index"/> of family <paramref name="family"/> (0 to <see cref="FamilyCount"/> − 1): red
    /// stripes, a green checkerboard, blue rings, yellow dots; members differ in period, phase and centre.
    /// </summary>
    public static byte[] FamilyMember(int family, int index)
    {
        using var image = new Mat(Height, Width, MatType.CV_8UC3, new Scalar(0, 0, 0));
        switch (family)
        {
            case 0:
                image.SetTo(new Scalar(255, 255, 255));
                for (var y = index % 7; y < Height; y += 18 + index)
                {
                    Cv2.Rectangle(image, new Rect(0, y, Width, 8), new Scalar(30, 30, 220), -1);
                }

                break;
            case 1:
                var cell = 14 + (2 * index);
                for (var y = 0; y < Height; y += cell)
                {
                    for (var x = 0; x < Width; x += cell)
                    {
                        var dark = ((x + y) / cell) % 2 == 0;
                        Cv2.Rectangle(image, new Rect(x, y, cell, cell), dark ? new Scalar(20, 90, 20) : new Scalar(120, 230, 120), -1);
                    }
                }

                break;
            case 2:
                image.SetTo(new Scalar(60, 20, 0));
                var centre = new Point((Width / 3) + (index * 13), (Height / 3) + (index * 7));
                for (var ring = 0; Width - (ring * (16 + index)) > 0; ring++)
                {
                    var colour = ring % 2 == 0 ? new Scalar(255, 120, 40) : new Scalar(120, 40, 0);
                    Cv2.Circle(image, centre, Width - (ring * (16 + index)), colour, -1, LineTypes.AntiAlias);
                }

                break;
            case 3:
                var step = 22 + index;
                for (var y = step / 2; y < Height; y += step)
                {
                    for (var x = (step / 2) + (index % 5); x < Width; x += step)
                    {
                        Cv2.Circle(image, new Point(x, y), 5 + (index % 4), new Scalar(0, 230, 250), -1, LineTypes.AntiAlias);
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(family), family, $"families are 0 to {FamilyCount - 1}");
        }

        return image.ImEncode(".jpg");
    }

    private static Mat DrawScene(int seed)
    {
        var random = new Random(seed);
        var scene = new Mat(Height, Width, MatType.CV_8UC3);
        Scalar Colour() => new(random.Next(256), random.Next(256), random.Next(256));

        var (from, to) = (Colour(), Colour());
        var vertical = random.Next(2) == 0;
        var length = vertical ? Height : Width;
        for (var line = 0; line < length; line++)
        {
            var t = (double)line / length;
            var colour = new Scalar(from.Val0 + ((to.Val0 - from.Val0) * t), from.Val1 + ((to.Val1 - from.Val1) * t), from.Val2 + ((to.Val2 - from.Val2) * t));
            Cv2.Line(scene, vertical ? new Point(0, line) : new Point(line, 0), vertical ? new Point(Width - 1, line) : new Point(line, Height - 1), colour);
        }

        var shortSide = Math.Min(Width, Height);
        for (var shape = 0; shape < 4; shape++)
        {
            var centre = new Point(random.Next(Width), random.Next(Height));
            var size = random.Next(shortSide / 6, shortSide / 3);
            switch (random.Next(3))
            {
                case 0:
                    Cv2.Ellipse(scene, centre, new Size(size, size * 2 / 3), random.Next(180), 0, 360, Colour(), -1, LineTypes.AntiAlias);
                    break;
                case 1:
                    Cv2.Rectangle(scene, new Rect(centre.X - size, centre.Y - (size / 2), 2 * size, size), Colour(), -1);
                    break;
                default:
                    Cv2.FillConvexPoly(scene, [centre, new Point(centre.X + size, centre.Y + size), new Point(centre.X - size, centre.Y + size)], Colour(), LineTypes.AntiAlias);
                    break;
            }
        }

        for (var stroke = 0; stroke < 8; stroke++)
        {
            Cv2.Line(scene, new Point(random.Next(Width), random.Next(Height)), new Point(random.Next(Width), random.Next(Height)), Colour(), 2, LineTypes.AntiAlias);
        }

        return scene;
    }
}
