namespace Refinery.Api.WebConsole.Charts;

/// <summary>An analysis summary with the name it goes by in a chart's legend (its version name).</summary>
public sealed record LabelledSummary(string Label, AnalysisSummary Summary);
