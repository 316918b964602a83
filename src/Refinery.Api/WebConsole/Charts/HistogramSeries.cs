namespace Refinery.Api.WebConsole.Charts;

/// <summary>One histogram drawn in a chart, named by what it is of (a version, a split).</summary>
public sealed record HistogramSeries(string Label, FeatureHistogram Histogram);
