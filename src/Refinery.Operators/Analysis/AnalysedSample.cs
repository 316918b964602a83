using System.Text.Json.Nodes;

namespace Refinery.Operators.Analysis;

/// <summary>One sample's stored analysis values as the reducer reads them back.</summary>
/// <param name="Key">The id amendments are addressed to (the sample id).</param>
/// <param name="Values">The per-sample values <see cref="AnalysisSampleOperator"/> returned; null counts as failed.</param>
public sealed record AnalysedSample(string Key, JsonObject? Values);
