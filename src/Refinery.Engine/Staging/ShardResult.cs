using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Refinery.Domain;

namespace Refinery.Engine.Staging;

/// <summary>One line of a pass's results: what the pipeline has made of one sample so far.</summary>
/// <param name="Ordinal">The input sample's place in input order; an added sample has its parent's.</param>
/// <param name="SampleId">
/// The input sample's id; for an added sample, the id of its name under <c>Data/</c> until it is published, when it
/// becomes the id of its published path.
/// </param>
/// <param name="OriginSource">The input sample's URI; an added sample's is its parent's.</param>
/// <param name="Property">Reserved, modified or deleted, over every stage so far; added for an added sample.</param>
/// <param name="Description">Every stage's notes so far.</param>
/// <param name="Output">The sample's published names, relative to <c>Data/</c>; null once it is deleted.</param>
/// <param name="Location">Where the bytes of <paramref name="Output"/> are now (object URIs: an input, or staged <c>Data/</c>).</param>
/// <param name="Values">Every stage's values so far, merged.</param>
/// <param name="AddedIndex">
/// 0 for an input sample; k for the k-th sample a stage added from it, a line of its own right after its parent's.
/// </param>
public sealed record ShardResult(
    long Ordinal,
    string SampleId,
    string OriginSource,
    ResultProperty Property,
    IReadOnlyList<string> Description,
    Sample? Output,
    Sample? Location,
    JsonObject? Values,
    int AddedIndex = 0)
{
    [JsonIgnore]
    public bool IsAdded => AddedIndex > 0;
}
