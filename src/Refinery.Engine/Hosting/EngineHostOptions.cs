using Refinery.Catalog;
using Refinery.Imaging;
using Refinery.Storage;
using Refinery.Storage.S3;

namespace Refinery.Engine.Hosting;

/// <summary>
/// What every process that runs the engine is told — <c>serve</c>, <c>worker</c> and the administration commands
/// alike; the defaults run on one machine with nothing installed.
/// </summary>
public record EngineHostOptions
{
    /// <summary>
    /// Holds the SQLite catalog, staging, the default <c>local</c> bucket and the installation's keys; only the
    /// process's user may enter it (mode 0700).
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// The PostgreSQL database that holds the catalog and the job queue for every process sharing the work, as a
    /// <c>postgres://</c> URL or a connection string; null keeps the embedded SQLite file and in-memory delivery.
    /// </summary>
    public string? Database { get; init; }

    /// <summary>Buckets backed by local directories: bucket name → directory.</summary>
    public IReadOnlyDictionary<string, string> StorageRoots { get; init; } = new Dictionary<string, string>();

    /// <summary>Buckets kept in S3-compatible storage: bucket name → where and how to reach it. No name may also be a storage root.</summary>
    public IReadOnlyDictionary<string, S3StoreOptions> S3Buckets { get; init; } = new Dictionary<string, S3StoreOptions>();

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

    /// <summary>
    /// How often the reconciler looks for versions with no progress (their jobs lost); lost workers' shards are looked
    /// for every <see cref="EngineOptions.WorkerHeartbeatInterval"/>.
    /// </summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock every part of the process reads; tests move it forward to pass deadlines without waiting.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public string CatalogPath => Path.Combine(DataDirectory, "catalog.db");

    public CatalogDatabase CatalogDatabase => Database is null ? CatalogDatabase.SqliteFile(CatalogPath) : CatalogDatabase.PostgreSql(Database);

    /// <summary>
    /// Where shard files and unpublished output wait, when not under the data directory: processes sharing a
    /// PostgreSQL catalog must all reach the same one.
    /// </summary>
    public string? StagingRoot { get; init; }

    /// <summary>
    /// Take part in reconciling (resuming versions and shards whose worker has gone): <c>serve</c> and <c>worker</c> do,
    /// and a lease in the catalog lets one of them at a time run it; the one-shot administration commands do not.
    /// </summary>
    public bool RunReconciler { get; init; } = true;

    public string StagingDirectory => StagingRoot ?? Path.Combine(DataDirectory, "staging");

    /// <summary>
    /// Staging kept in one of <see cref="S3Buckets"/> instead of a folder: the bucket and the key prefix every
    /// version's staging lies under, which every process sharing a PostgreSQL catalog reaches. Null keeps the folder.
    /// </summary>
    public ObjectPath? StagingObjects { get; init; }

    /// <summary>Where staging is, for a process to say at start.</summary>
    public string StagingDescription => StagingObjects?.ToUri() ?? StagingDirectory;

    public string DefaultBucketDirectory => Path.Combine(DataDirectory, "obs");
}
