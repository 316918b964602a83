namespace Refinery.Api.WebConsole.Charts;

/// <summary>A feature's equal-width histogram as the analysis result holds it: one more edge than counts.</summary>
public sealed record FeatureHistogram(IReadOnlyList<double> Edges, IReadOnlyList<double> Counts);
