using System.Globalization;

namespace Refinery.Api.WebConsole.Charts;

/// <summary>Numbers as charts and summary tables print them: four significant digits, invariant culture.</summary>
public static class ChartNumber
{
    public static string Format(double? value) => value switch
    {
        null => "–",
        // Resolutions run to millions of pixels: whole numbers read better than 3.072E+05.
        { } large when Math.Abs(large) >= 10_000 && Math.Abs(large) < 1e12 => large.ToString("#,0", CultureInfo.InvariantCulture),
        { } number => number.ToString("G4", CultureInfo.InvariantCulture),
    };

    /// <summary>An SVG coordinate: two decimals are finer than a pixel.</summary>
    internal static string Coordinate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
