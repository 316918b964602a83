using System.Text.Json.Nodes;
using Refinery.Domain;

namespace Refinery.Operators;

/// <summary>What an operator did with one sample.</summary>
/// <param name="Property">Reserved, modified, deleted or added.</param>
/// <param name="Description">Human-readable notes, each saying what was done and why.</param>
/// <param name="Output">
/// The sample as it appears in the output manifest, with <see cref="Sample.Source"/> and
/// <see cref="Sample.AnnotationLocation"/> relative to <c>Data/</c>; null when nothing is published for it.
/// </param>
/// <param name="Values">Per-sample values kept with the result (features, scores, hashes), or null.</param>
public sealed record SampleOutcome(
    ResultProperty Property,
    IReadOnlyList<string> Description,
    Sample? Output,
    JsonObject? Values = null);
