using System.Text.Json.Nodes;

namespace Refinery.Operators.Pipeline;

/// <summary>One sample as a dataset stage reads it back from the pass's staged output.</summary>
/// <param name="Ordinal">The sample's place in input order; decisions are addressed to it.</param>
/// <param name="SampleId">The sample's id in the results (stable across runs).</param>
/// <param name="OriginSource">The input URI of the sample, for decisions that name another sample ("duplicates …").</param>
/// <param name="Alive">False when a sample stage of this pass deleted it: counted, but not decided about.</param>
/// <param name="Values">The per-sample values of its result so far (what the results endpoint shows), or null.</param>
/// <param name="Record">The typed values its sample stages recorded for dataset stages.</param>
public sealed record StagedSample(long Ordinal, string SampleId, string OriginSource, bool Alive, JsonObject? Values, SampleRecord Record);
