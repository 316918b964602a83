using Refinery.Storage;

namespace Refinery.Engine.Staging;

/// <summary>
/// The engine's scratch space: shard sample lists, shard results and unpublished output, one folder per version.
/// Names are deterministic so a retried shard overwrites, never duplicates. Every file is written whole and found by
/// its name or by listing a prefix — never renamed or appended to — so a folder and an S3 prefix serve alike.
/// </summary>
/// <param name="store">Holds <paramref name="root"/>.</param>
/// <param name="root">The folder or key prefix every version's staging lies under.</param>
public sealed class StagingArea(IObjectStore store, ObjectPath root)
{
    public IObjectStore Store { get; } = store;

    public ObjectPath VersionRoot(string versionId) => root.Combine(versionId);

    public ObjectPath ShardSamples(string versionId, int shardIndex) =>
        VersionRoot(versionId).Combine($"shards/{shardIndex:D5}.samples.jsonl");

    /// <summary>What a pass's fused sample stages made of a shard's samples: one result per sample, in input order.</summary>
    public ObjectPath PassResults(string versionId, int pass, int shardIndex) =>
        VersionRoot(versionId).Combine($"passes/{pass}/{shardIndex:D5}.results.jsonl");

    /// <summary>The typed records of the same samples, in binary, one per result line.</summary>
    public ObjectPath PassRecords(string versionId, int pass, int shardIndex) =>
        VersionRoot(versionId).Combine($"passes/{pass}/{shardIndex:D5}.records.bin");

    /// <summary>The decisions the pass's dataset stage took about the shard's samples, in input order.</summary>
    public ObjectPath PassDecisions(string versionId, int pass, int shardIndex) =>
        VersionRoot(versionId).Combine($"passes/{pass}/{shardIndex:D5}.decisions.jsonl");

    /// <summary>The dataset-level result of the pass's dataset stage (an analysis summary), when it has one.</summary>
    public ObjectPath PassDatasetResult(string versionId, int pass) =>
        VersionRoot(versionId).Combine($"passes/{pass}/dataset-result.json");

    /// <summary>Where a file a sample stage wrote under <c>Data/</c> is staged.</summary>
    public ObjectPath StagedData(string versionId, string relativePath) => Output(versionId).Combine("Data").Combine(relativePath);

    /// <summary>True for a path inside the version's staged <c>Data/</c>: a file a sample stage wrote, not an input.</summary>
    public bool IsStagedData(string versionId, ObjectPath path) => path.IsSameOrUnder(Output(versionId).Combine("Data"));

    /// <summary>The samples the plan found listed more than once, written when planning ends.</summary>
    public ObjectPath Duplicates(string versionId) => VersionRoot(versionId).Combine("duplicates.jsonl");

    /// <summary>The version's output as it will be published: <c>Data/…</c> and <c>output.manifest</c>.</summary>
    public ObjectPath Output(string versionId) => VersionRoot(versionId).Combine("output");
}
