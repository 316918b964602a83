using System.Text.Json.Nodes;
using Refinery.Domain;
using Refinery.Operators.Pipeline;

namespace Refinery.Operators;

/// <summary>What a sample stage did with one sample.</summary>
/// <param name="Property">Reserved, modified or deleted.</param>
/// <param name="Description">Human-readable notes, each saying what was done and why.</param>
/// <param name="Output">
/// The sample as it goes on, with <see cref="Sample.Source"/> and <see cref="Sample.AnnotationLocation"/> relative to
/// <c>Data/</c> (the names it is published under); null when the sample is deleted and goes no further. A name the
/// stage wrote through <see cref="SampleEnvironment.Output"/> is published from that file; any other from the
/// file the stage was given (see <see cref="SampleWork.PassThrough"/>).
/// </param>
/// <param name="Values">Per-sample values kept with the result (features, scores), or null.</param>
/// <param name="Record">Typed values for later dataset stages (hashes, scores, an embedding), staged in binary; or null.</param>
/// <param name="Added">
/// New samples the stage made from this one (augmentation), each published as a sample of its own with result
/// property 3; null or empty for none.
/// </param>
public sealed record SampleOutcome(
    ResultProperty Property,
    IReadOnlyList<string> Description,
    Sample? Output,
    JsonObject? Values = null,
    SampleRecord? Record = null,
    IReadOnlyList<AddedSample>? Added = null);
