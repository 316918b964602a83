using System.Globalization;

namespace Refinery.Cli.Commands.Tasks;

/// <summary>
/// What <c>tasks wait</c> shows of a running version: samples processed of the total, the rate since the wait began,
/// and the time left at that rate.
/// </summary>
public sealed record ProgressFigures(int Processed, int? Total, double? SamplesPerSecond)
{
    /// <summary>Figures from the processed count now and when the wait began, <paramref name="elapsed"/> apart.</summary>
    public static ProgressFigures From(int processed, int? total, int processedAtStart, TimeSpan elapsed)
    {
        var done = processed - processedAtStart;
        double? rate = elapsed > TimeSpan.Zero && done > 0 ? done / elapsed.TotalSeconds : null;
        return new ProgressFigures(processed, total, rate);
    }

    /// <summary>Time left at the current rate; null while there is no rate or no total yet.</summary>
    public TimeSpan? Remaining =>
        SamplesPerSecond is { } rate && Total is { } total ? TimeSpan.FromSeconds(Math.Max(0, total - Processed) / rate) : null;

    public override string ToString()
    {
        var total = Total?.ToString(CultureInfo.InvariantCulture) ?? "?";
        var rate = SamplesPerSecond is { } perSecond ? perSecond.ToString("0.0", CultureInfo.InvariantCulture) : "-";
        var eta = Remaining is { } left ? left.ToString(left >= TimeSpan.FromHours(1) ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture) : "-";
        return $"{Processed}/{total} samples, {rate} samples/s, ETA {eta}";
    }
}
