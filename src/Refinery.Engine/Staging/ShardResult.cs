using System.Text.Json.Nodes;
using Refinery.Domain;

namespace Refinery.Engine.Staging;

/// <summary>One line of a shard's results: what the operator did with one sample.</summary>
public sealed record ShardResult(
    long Ordinal,
    string SampleId,
    string OriginSource,
    ResultProperty Property,
    IReadOnlyList<string> Description,
    Sample? Output,
    JsonObject? Values);
