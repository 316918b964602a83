using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Engine.Delivery;
using Refinery.Storage;

namespace Refinery.Engine.Datasets;

/// <summary>
/// The dataset APIs ModelArts processing depends on: create (importing in the background), list, get, delete,
/// and versions that freeze the dataset's working manifest. Every call is scoped to the caller's project.
/// </summary>
public sealed class DatasetService(
    IDbContextFactory<CatalogContext> catalog,
    BucketRouter buckets,
    IJobScheduler scheduler,
    TimeProvider clock)
{
    public const int Importing = 8;
    public const int Normal = 1;
    public const int Abnormal = 4;

    public async Task<DatasetRecord> CreateAsync(string projectId, DatasetDefinition definition, CancellationToken cancellationToken)
    {
        if (!DatasetTypes.IsServed(definition.DatasetType))
        {
            throw ModelArtsErrors.InvalidArgument("dataset_type", $"must be 0 (image classification) or 1 (object detection), got {definition.DatasetType}");
        }

        var data = await RequireExistingAsync("data_sources[0].data_path", definition.DataPath, cancellationToken);
        var work = ParseInBucket("work_path", definition.WorkPath);
        if (work.Key.Length == 0)
        {
            throw ModelArtsErrors.InvalidArgument("work_path", "must be a folder inside a bucket, not a bare bucket");
        }

        if (buckets.LiesWithin(work, data))
        {
            throw ModelArtsErrors.WorkPathInsideInput("work_path", work.ToUri(), data.ToUri());
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var dataset = new DatasetRecord
        {
            DatasetId = ResourceIds.New(),
            ProjectId = projectId,
            WorkspaceId = definition.WorkspaceId,
            Name = definition.Name,
            Description = definition.Description,
            DatasetType = definition.DatasetType,
            Status = Importing,
            DataPath = data.ToUri(),
            WorkPath = DatasetLayout.DisplayFolder(work),
            ImportTaskId = ResourceIds.New(),
            CreateTime = now,
            UpdateTime = now,
        };
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        if (await db.Datasets.AnyAsync(d => d.ProjectId == projectId && d.WorkspaceId == definition.WorkspaceId && d.Name == definition.Name, cancellationToken))
        {
            throw new ModelArtsException(400, "ModelArts.4351", $"Dataset name '{definition.Name}' already exists.");
        }

        db.Datasets.Add(dataset);
        await db.SaveChangesAsync(cancellationToken);
        scheduler.EnqueueImport(dataset.DatasetId);
        return dataset;
    }

    public async Task<(int Total, IReadOnlyList<DatasetRecord> Datasets)> ListAsync(
        string projectId, DatasetListQuery query, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var datasets = db.Datasets.AsNoTracking().Where(d => d.ProjectId == projectId && d.WorkspaceId == query.WorkspaceId);
        if (query.NameContains is { } search)
        {
            datasets = datasets.WhereNameContains(d => d.Name, search);
        }

        if (query.DatasetType is { } type)
        {
            datasets = datasets.Where(d => d.DatasetType == type);
        }

        var total = await datasets.CountAsync(cancellationToken);
        var ordered = (query.ByName, query.Descending) switch
        {
            (true, false) => datasets.OrderBy(d => d.Name),
            (true, true) => datasets.OrderByDescending(d => d.Name),
            (false, false) => datasets.OrderBy(d => d.CreateTime).ThenBy(d => d.DatasetId),
            _ => datasets.OrderByDescending(d => d.CreateTime).ThenByDescending(d => d.DatasetId),
        };
        return (total, await ordered.Skip(query.Offset).Take(query.Limit).ToListAsync(cancellationToken));
    }

    public async Task<DatasetRecord> GetAsync(string projectId, string datasetId, CancellationToken cancellationToken, int notFoundStatus = 404)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, projectId, datasetId, notFoundStatus, cancellationToken);
    }

    /// <summary>Deletes the dataset's records; its files (data, manifests, output) are left where they are.</summary>
    public async Task DeleteAsync(string projectId, string datasetId, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var dataset = await FindAsync(db, projectId, datasetId, 404, cancellationToken);
        await db.DatasetVersions.Where(version => version.DatasetId == datasetId).ExecuteDeleteAsync(cancellationToken);
        db.Datasets.Remove(dataset);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Freezes the working manifest as a new version, which becomes the current one.</summary>
    public async Task<DatasetVersionRecord> CreateVersionAsync(
        string projectId, string datasetId, string? versionName, string? description, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var dataset = await FindAsync(db, projectId, datasetId, 404, cancellationToken);
        if (dataset.Status != Normal)
        {
            throw new ModelArtsException(400, "ModelArts.4356", $"Dataset {datasetId} is {(dataset.Status == Importing ? "still importing" : "abnormal")}; a version can be created once it is normal.");
        }

        var name = versionName ?? $"V{dataset.NextVersionNumber:D3}";
        if (await db.DatasetVersions.AnyAsync(version => version.DatasetId == datasetId && version.Name == name, cancellationToken))
        {
            throw new ModelArtsException(400, "ModelArts.4371", $"Dataset version '{name}' already exists.");
        }

        var work = StoragePathParser.Parse("work_path", dataset.WorkPath);
        var manifest = DatasetLayout.VersionManifest(work, datasetId, name);
        await ManifestFiles.CopyAsync(buckets, DatasetLayout.WorkingManifest(work, datasetId), manifest, cancellationToken);
        var version = NewVersion(dataset, name, description, manifest);
        version.TotalSampleCount = dataset.TotalSampleCount;
        version.AnnotatedSampleCount = dataset.AnnotatedSampleCount;
        version.LabelStatsJson = dataset.LabelStatsJson; // the counts of the working manifest it freezes
        db.DatasetVersions.Add(version);
        MakeCurrent(dataset, version, clock.GetUtcNow().ToUnixTimeMilliseconds());
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }

    public async Task<(int Total, IReadOnlyList<DatasetVersionRecord> Versions)> ListVersionsAsync(
        string projectId, string datasetId, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await FindAsync(db, projectId, datasetId, 404, cancellationToken);
        var versions = db.DatasetVersions.AsNoTracking().Where(version => version.DatasetId == datasetId);
        var total = await versions.CountAsync(cancellationToken);
        return (total, await versions.OrderByDescending(version => version.CreateTime).Skip(offset).Take(limit).ToListAsync(cancellationToken));
    }

    public async Task<DatasetVersionRecord> GetVersionAsync(string projectId, string datasetId, string versionId, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await FindAsync(db, projectId, datasetId, 404, cancellationToken);
        return await db.DatasetVersions.AsNoTracking().SingleOrDefaultAsync(v => v.VersionId == versionId && v.DatasetId == datasetId, cancellationToken)
            ?? throw ModelArtsErrors.DatasetVersionNotFound(versionId);
    }

    /// <summary>A version record for a new manifest of the dataset, counted by <paramref name="tally"/>; the previous version is the current one.</summary>
    public DatasetVersionRecord NewVersion(DatasetRecord dataset, string name, string? description, ObjectPath manifest, ManifestTally tally)
    {
        var version = NewVersion(dataset, name, description, manifest);
        version.TotalSampleCount = tally.Total;
        version.AnnotatedSampleCount = tally.Annotated;
        version.LabelStatsJson = LabelStatsJson.Write(tally.Labels);
        return version;
    }

    private DatasetVersionRecord NewVersion(DatasetRecord dataset, string name, string? description, ObjectPath manifest)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return new DatasetVersionRecord
        {
            VersionId = ResourceIds.New(),
            DatasetId = dataset.DatasetId,
            ProjectId = dataset.ProjectId,
            Name = name,
            Description = description,
            Status = Normal,
            PreviousVersionId = dataset.CurrentVersionId,
            ManifestPath = DatasetLayout.Display(manifest),
            DataPath = dataset.DataPath,
            CreateTime = now,
            UpdateTime = now,
        };
    }

    public static void MakeCurrent(DatasetRecord dataset, DatasetVersionRecord version, long now)
    {
        dataset.CurrentVersionId = version.VersionId;
        dataset.CurrentVersionName = version.Name;
        dataset.VersionCount++;
        if (version.Name == $"V{dataset.NextVersionNumber:D3}")
        {
            dataset.NextVersionNumber++;
        }

        dataset.UpdateTime = now;
    }

    public static async Task<DatasetRecord> FindAsync(CatalogContext db, string projectId, string datasetId, int notFoundStatus, CancellationToken cancellationToken) =>
        await db.Datasets.SingleOrDefaultAsync(d => d.DatasetId == datasetId && d.ProjectId == projectId, cancellationToken)
        ?? throw ModelArtsErrors.DatasetNotFound(datasetId, notFoundStatus);

    private ObjectPath ParseInBucket(string field, string value)
    {
        var path = StoragePathParser.Parse(field, value);
        return buckets.HasBucket(path.Bucket) ? path : throw ModelArtsErrors.BucketMissing(path.Bucket);
    }

    private async Task<ObjectPath> RequireExistingAsync(string field, string value, CancellationToken cancellationToken)
    {
        var path = ParseInBucket(field, value);
        var exists = path.Key.EndsWith(".manifest", StringComparison.OrdinalIgnoreCase)
            ? await buckets.StatAsync(path, cancellationToken) is not null
            : await buckets.ListAsync(path, cancellationToken).AnyAsync(cancellationToken);
        return exists ? path : throw ModelArtsErrors.PathMissing(path.ToUri());
    }
}
