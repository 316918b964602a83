namespace Refinery.Api.WebConsole.Charts;

/// <summary>Draws one chart per feature, each overlaying that feature's histogram from every given summary.</summary>
public static class FeatureCharts
{
    /// <param name="summaries">In legend order; a summary without the feature simply has no series in its chart.</param>
    /// <param name="usage">The usage split to draw (<c>TRAIN</c>…), or null for all samples.</param>
    public static IReadOnlyList<FeatureChart> Build(IReadOnlyList<LabelledSummary> summaries, string? usage)
    {
        var features = summaries
            .SelectMany(summary => summary.Summary.FeaturesOf(usage))
            .DistinctBy(feature => feature.Id)
            .ToList();
        return
        [
            .. features.Select(feature => new FeatureChart(
                feature.Id,
                feature.Scope,
                HistogramChart.Render(
                    $"{feature.Id} ({feature.Scope})",
                    [.. summaries.SelectMany(summary => summary.Summary.FeaturesOf(usage)
                        .Where(candidate => candidate.Id == feature.Id && candidate.Histogram is not null)
                        .Select(candidate => new HistogramSeries(summary.Label, candidate.Histogram!)))]))),
        ];
    }

    /// <summary>Every usage split any of the summaries has, in first-seen order.</summary>
    public static IReadOnlyList<string> Usages(IReadOnlyList<LabelledSummary> summaries) =>
        [.. summaries.SelectMany(summary => summary.Summary.ByUsage.Keys).Distinct(StringComparer.Ordinal)];
}
