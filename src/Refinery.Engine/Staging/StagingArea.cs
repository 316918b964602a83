using Refinery.Storage;

namespace Refinery.Engine.Staging;

/// <summary>
/// The engine's scratch space: shard sample lists, shard results and unpublished output, one folder per version.
/// Names are deterministic so a retried shard overwrites, never duplicates.
/// </summary>
public sealed class StagingArea(IObjectStore store, string bucket)
{
    public IObjectStore Store { get; } = store;

    public ObjectPath VersionRoot(string versionId) => new(bucket, versionId);

    public ObjectPath ShardSamples(string versionId, int shardIndex) =>
        new(bucket, $"{versionId}/shards/{shardIndex:D5}.samples.jsonl");

    public ObjectPath ShardResults(string versionId, int shardIndex) =>
        new(bucket, $"{versionId}/shards/{shardIndex:D5}.results.jsonl");

    /// <summary>The samples the plan found listed more than once, written when planning ends.</summary>
    public ObjectPath Duplicates(string versionId) => new(bucket, $"{versionId}/duplicates.jsonl");

    /// <summary>The version's output as it will be published: <c>Data/…</c> and <c>output.manifest</c>.</summary>
    public ObjectPath Output(string versionId) => new(bucket, $"{versionId}/output");
}
