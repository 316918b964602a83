using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// The overlays of <c>Weather</c>, 8-bit BGR, black where there is no weather: rain as thin slanted streaks, snow as
/// soft flakes, fog as a smooth low-frequency veil, clouds as a veil of two octaves with more contrast.
/// </summary>
public static class WeatherLayers
{
    public static Mat Render(Size size, WeatherOperator.Drawn drawn)
    {
        var random = AugmentationRandom.ForSample(drawn.PatternSeed.ToString(System.Globalization.CultureInfo.InvariantCulture), "weather", 0);
        return drawn.Mode switch
        {
            WeatherOperator.Mode.Rain => Rain(size, drawn, random),
            WeatherOperator.Mode.Snow => Snow(size, drawn, random),
            WeatherOperator.Mode.Fog => Veil(size, random, drawn.Density, cells: 4, detailCells: 0),
            _ => Veil(size, random, drawn.Density, cells: 5, detailCells: 20),
        };
    }

    /// <summary>How many marks of <paramref name="markArea"/> px cover <paramref name="coverage"/> of the image.</summary>
    private static int Count(Size size, double coverage, double markArea) => (int)(size.Width * (long)size.Height * coverage / markArea);

    private static Mat Rain(Size size, WeatherOperator.Drawn drawn, AugmentationRandom random)
    {
        var layer = new Mat(size, MatType.CV_8UC3, Scalar.All(0));
        var length = Math.Max(3, Math.Min(size.Width, size.Height) / 25);
        var radians = drawn.Degrees * Math.PI / 180;
        int dx = (int)Math.Round(length * Math.Sin(radians)), dy = (int)Math.Round(length * Math.Cos(radians));
        var drops = Count(size, drawn.Density, length);
        for (var drop = 0; drop < drops; drop++)
        {
            var x = random.NextInt(0, size.Width - 1);
            var y = random.NextInt(0, size.Height - 1);
            var shade = random.NextInt(150, 220);
            Cv2.Line(layer, new Point(x, y), new Point(x + dx, y + dy), Scalar.All(shade), 1, LineTypes.AntiAlias);
        }

        return layer;
    }

    private static Mat Snow(Size size, WeatherOperator.Drawn drawn, AugmentationRandom random)
    {
        var layer = new Mat(size, MatType.CV_8UC3, Scalar.All(0));
        var largest = Math.Max(1, Math.Min(size.Width, size.Height) / 300);
        var flakes = Count(size, drawn.Density, Math.PI * Math.Pow(1 + (largest / 2.0), 2));
        for (var flake = 0; flake < flakes; flake++)
        {
            var centre = new Point(random.NextInt(0, size.Width - 1), random.NextInt(0, size.Height - 1));
            Cv2.Circle(layer, centre, random.NextInt(1, 1 + largest), Scalar.All(random.NextInt(200, 255)), -1, LineTypes.AntiAlias);
        }

        return layer;
    }

    /// <summary>Random cell values upsampled bicubically: smooth, seeded, cheap at any image size.</summary>
    private static Mat Veil(Size size, AugmentationRandom random, double opacity, int cells, int detailCells)
    {
        using var veil = Cells(size, random, cells);
        if (detailCells > 0)
        {
            using var detail = Cells(size, random, detailCells);
            Cv2.AddWeighted(veil, 0.7, detail, 0.3, 0, veil);

            // Clouds have edges: stretch the middle of the range so cells read as separate clouds.
            veil.ConvertTo(veil, MatType.CV_32FC1, 2, -0.5);
        }

        using var gray = new Mat();
        veil.ConvertTo(gray, MatType.CV_8UC1, 255 * opacity);
        var layer = new Mat();
        Cv2.CvtColor(gray, layer, ColorConversionCodes.GRAY2BGR);
        return layer;
    }

    private static Mat Cells(Size size, AugmentationRandom random, int cells)
    {
        using var grid = new Mat(cells, cells, MatType.CV_32FC1);
        for (var row = 0; row < cells; row++)
        {
            for (var column = 0; column < cells; column++)
            {
                grid.Set(row, column, (float)random.NextDouble());
            }
        }

        var field = new Mat();
        Cv2.Resize(grid, field, size, 0, 0, InterpolationFlags.Cubic);
        return field;
    }
}
