namespace Refinery.Imaging.Analysis;

/// <summary>The six per-image cleanvision scores (0..1, lower = worse) and the value odd_size is later judged on.</summary>
public sealed record QualityScores(
    double Dark,
    double Light,
    double Blurry,
    double LowInformation,
    double OddAspectRatio,
    double Grayscale,
    double SizeValue)
{
    /// <summary>Each per-image check with its score, in <see cref="QualityChecks.PerImage"/> order.</summary>
    public IEnumerable<(QualityCheck Check, double Score)> ByCheck()
    {
        yield return (QualityChecks.Dark, Dark);
        yield return (QualityChecks.Light, Light);
        yield return (QualityChecks.OddAspectRatio, OddAspectRatio);
        yield return (QualityChecks.LowInformation, LowInformation);
        yield return (QualityChecks.Blurry, Blurry);
        yield return (QualityChecks.Grayscale, Grayscale);
    }
}
