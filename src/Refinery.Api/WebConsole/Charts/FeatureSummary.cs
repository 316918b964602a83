namespace Refinery.Api.WebConsole.Charts;

/// <summary>One feature of an analysis result; the figures are null when the feature had no values.</summary>
public sealed record FeatureSummary(
    string Id,
    string Scope,
    long Count,
    double? Mean,
    double? Std,
    double? Min,
    double? Median,
    double? Max,
    FeatureHistogram? Histogram);
