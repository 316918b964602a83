using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Domain.Tasks;

namespace Refinery.Engine.Tests.Delivery;

/// <summary>A real SQLite catalog in a temporary folder, with a running version of a few shards to work on.</summary>
internal sealed class TemporaryCatalog : IAsyncDisposable
{
    public const string VersionId = "V1aBcDeFgHiJkLmNoPq";

    private TemporaryCatalog(string root, PooledDbContextFactory<CatalogContext> factory)
    {
        Root = root;
        Factory = factory;
    }

    public string Root { get; }

    public PooledDbContextFactory<CatalogContext> Factory { get; }

    public static async Task<TemporaryCatalog> CreateAsync(int shards)
    {
        var root = Directory.CreateTempSubdirectory("refinery-delivery-").FullName;
        var options = new DbContextOptionsBuilder<CatalogContext>();
        CatalogDatabase.SqliteFile(Path.Combine(root, "catalog.db")).Configure(options);
        var factory = new PooledDbContextFactory<CatalogContext>(options.Options);
        await CatalogInitializer.InitializeAsync(factory, CancellationToken.None);
        await using var db = await factory.CreateDbContextAsync();
        db.Versions.Add(new TaskVersionRecord
        {
            VersionId = VersionId,
            TaskId = "T",
            ProjectId = "p",
            VersionName = "V001",
            TemplateJson = TaskJson.Write(new TemplateParam(TemplateIds.Validation, OperatorParams: [new OperatorParam(Name: "MetaValidation", Params: ValidationParams())])),
            InputsJson = "[]",
            Status = (int)VersionStatus.Running,
        });
        db.Shards.AddRange(Enumerable.Range(0, shards).Select(index => new ShardRecord { VersionId = VersionId, ShardIndex = index, SampleCount = 1 }));
        await db.SaveChangesAsync();
        return new TemporaryCatalog(root, factory);
    }

    /// <summary>Marks the version stopped as a stop request does, without clearing anything.</summary>
    public async Task StopAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        await db.Versions.ExecuteUpdateAsync(set => set.SetProperty(version => version.Status, (int)VersionStatus.Stopped));
    }

    public async Task<bool> AnyShardClaimedAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Shards.AnyAsync(shard => shard.ClaimedBy != null);
    }

    public async Task<ShardRecord> ShardAsync(int shardIndex)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Shards.AsNoTracking().SingleAsync(shard => shard.VersionId == VersionId && shard.ShardIndex == shardIndex);
    }

    public async Task<TaskVersionRecord> VersionAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Versions.AsNoTracking().SingleAsync(version => version.VersionId == VersionId);
    }

    private static JsonObject ValidationParams() => new()
    {
        ["task_type"] = "image_classification",
        ["dataset_type"] = "manifest",
        ["source_service"] = "select",
        ["filter_func"] = "data_validation_select",
        ["image_max_width"] = "-1",
        ["image_max_height"] = "-1",
        ["total_status"] = "[0,1,2]",
    };

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
        return ValueTask.CompletedTask;
    }
}
