using Refinery.Domain;

namespace Refinery.Engine.Staging;

/// <summary>One line of a shard's sample list: the sample, its place in input order, and its output name.</summary>
public sealed record ShardEntry(long Ordinal, string OutputName, Sample Sample);
