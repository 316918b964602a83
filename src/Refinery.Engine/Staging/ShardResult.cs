using System.Text.Json.Nodes;
using Refinery.Domain;

namespace Refinery.Engine.Staging;

/// <summary>One line of a pass's results: what the pipeline has made of one sample so far.</summary>
/// <param name="Property">Reserved, modified or deleted, over every stage so far.</param>
/// <param name="Description">Every stage's notes so far.</param>
/// <param name="Output">The sample's published names, relative to <c>Data/</c>; null once it is deleted.</param>
/// <param name="Location">Where the bytes of <paramref name="Output"/> are now (object URIs: an input, or staged <c>Data/</c>).</param>
/// <param name="Values">Every stage's values so far, merged.</param>
public sealed record ShardResult(
    long Ordinal,
    string SampleId,
    string OriginSource,
    ResultProperty Property,
    IReadOnlyList<string> Description,
    Sample? Output,
    Sample? Location,
    JsonObject? Values);
