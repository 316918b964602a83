namespace Refinery.Api.WebConsole.Charts;

/// <summary>One feature's histogram chart, drawn, with what it is of.</summary>
public sealed record FeatureChart(string FeatureId, string Scope, string Svg);
