using Refinery.Engine;
using Refinery.Imaging;
using Refinery.Storage.S3;

namespace Refinery.Api.Hosting;

/// <summary>Everything <c>refinery serve</c> can be told; the defaults run on one machine with nothing installed.</summary>
public sealed record RefineryOptions
{
    /// <summary>
    /// Holds the SQLite catalog, staging, the default <c>local</c> bucket, <c>credentials.json</c> and the keys; only
    /// the server's user may enter it (mode 0700).
    /// </summary>
    public required string DataDirectory { get; init; }

    public string Urls { get; init; } = "http://127.0.0.1:8080";

    /// <summary>Buckets backed by local directories: bucket name → directory.</summary>
    public IReadOnlyDictionary<string, string> StorageRoots { get; init; } = new Dictionary<string, string>();

    /// <summary>Buckets kept in S3-compatible storage: bucket name → where and how to reach it. No name may also be a storage root.</summary>
    public IReadOnlyDictionary<string, S3StoreOptions> S3Buckets { get; init; } = new Dictionary<string, S3StoreOptions>();

    /// <summary>How long the signed links in task results stay valid (at most 7 days, S3's limit for presigned URLs).</summary>
    public TimeSpan SignedUrlLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Run job workers in this process (the embedded default).</summary>
    public bool RunWorkers { get; init; } = true;

    /// <summary>Hangfire workers; each runs one job (a shard) at a time, parallel over samples inside.</summary>
    public int WorkerCount { get; init; } = Math.Max(2, Environment.ProcessorCount);

    public EngineOptions Engine { get; init; } = new();

    /// <summary>The largest image (pixels, encoded bytes) any decode accepts; operator parameters may lower it, never raise it.</summary>
    public ImageDecodeLimits ImageLimits { get; init; } = ImageDecodeLimits.Default;

    /// <summary>
    /// Bytes the decoded pixels of every image in flight may take together — map stages and thumbnails alike; a decode
    /// waits for room, and an image larger than all of it is refused as that sample's error.
    /// </summary>
    public long DecodeMemoryBytes { get; init; } = DecodeMemoryBudget.DefaultCapacity();

    /// <summary>Thumbnails rendered at once; further requests wait for a turn.</summary>
    public int ThumbnailConcurrency { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How often the reconciler looks for versions whose worker has gone.</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock every part of the server reads; tests move it forward to pass deadlines without waiting.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public string CatalogPath => Path.Combine(DataDirectory, "catalog.db");

    public string StagingDirectory => Path.Combine(DataDirectory, "staging");

    public string DefaultBucketDirectory => Path.Combine(DataDirectory, "obs");

    public string CredentialsPath => Path.Combine(DataDirectory, "credentials.json");

    /// <summary>The installation's secret for signing links to local buckets; made at first start, readable by the owner only.</summary>
    public string SigningKeyPath => Path.Combine(DataDirectory, "signing.key");

    /// <summary>The installation's key for the AK/SK secret keys kept in the catalog; made at first start, readable by the owner only.</summary>
    public string CatalogKeyPath => Path.Combine(DataDirectory, "catalog.key");
}
