namespace Refinery.Imaging.Analysis;

/// <summary>One cleanvision issue type: the property it reads, how that becomes a score, and when the score flags.</summary>
/// <param name="Issue">The issue type id (<c>dark</c>, <c>near_duplicates</c>, …); <c>&lt;Issue&gt;_score</c> is its value key.</param>
/// <param name="Property">The raw per-image property the score is computed from.</param>
/// <param name="ScoreDefinition">The score formula, in words, as the results API documents it.</param>
/// <param name="DefaultThreshold">cleanvision's default threshold.</param>
/// <param name="Direction">Which side of the threshold flags.</param>
/// <param name="Scope">Whether the score is known per image or only per dataset.</param>
/// <param name="Parameters">The check's other constants (normalizing factors, IQR factor), named as cleanvision names them.</param>
public sealed record QualityCheck(
    string Issue,
    string Property,
    string ScoreDefinition,
    double DefaultThreshold,
    FlagDirection Direction,
    QualityCheckScope Scope,
    IReadOnlyDictionary<string, double> Parameters)
{
    public string ScoreKey => $"{Issue}_score";

    public string FlagKey => $"is_{Issue}_issue";

    public bool IsFlagged(double score, double? threshold = null) => Direction switch
    {
        FlagDirection.Below => score < (threshold ?? DefaultThreshold),
        _ => score > (threshold ?? DefaultThreshold),
    };

    /// <summary>A named constant of this check; throws when the table lacks it, which is a bug in the table.</summary>
    public double Parameter(string name) => Parameters.TryGetValue(name, out var value)
        ? value
        : throw new KeyNotFoundException($"Quality check '{Issue}' has no parameter '{name}'.");
}
