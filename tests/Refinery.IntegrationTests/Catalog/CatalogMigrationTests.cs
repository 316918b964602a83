using System.Net;
using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Catalog;

/// <summary>The catalog's schema comes from its migrations, on each provider, for new catalogs and old ones alike.</summary>
public abstract class CatalogMigrationTests
{
    /// <summary>An empty database of the provider under test.</summary>
    protected abstract Task<CatalogDatabase> NewDatabaseAsync();

    /// <summary>A server not started yet, and the empty database it will use as its catalog.</summary>
    protected abstract Task<(RefineryInstance Server, CatalogDatabase Catalog)> NewServerAsync();

    [Fact]
    public async Task Every_change_to_the_model_has_a_migration()
    {
        await using var db = await CatalogFactories.For(await NewDatabaseAsync()).CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges(), "The catalog model has changes no migration covers: run scripts/add-migration.sh NAME.");
    }

    [Fact]
    public async Task A_new_catalog_gets_every_migration_and_works()
    {
        var catalog = CatalogFactories.For(await NewDatabaseAsync());

        await CatalogInitializer.InitializeAsync(catalog, CancellationToken.None);

        await using (var db = await catalog.CreateDbContextAsync())
        {
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            db.Users.Add(new UserRecord { UserId = "u1", Name = "ada", PasswordHash = "hash", ProjectId = "p1", CreateTime = 1 });
            db.Results.Add(new SampleResultRecord { VersionId = "v1", SampleId = "s1", Ordinal = 4, AddedIndex = 2, OriginSource = "obs://b/a.jpg", DescriptionJson = "[]" });
            await db.SaveChangesAsync();
        }

        await using (var db = await catalog.CreateDbContextAsync())
        {
            Assert.Equal("ada", (await db.Users.SingleAsync()).Name);
            var result = await db.Results.SingleAsync();
            Assert.Equal((4, 2), (result.Ordinal, result.AddedIndex));
        }
    }

    [Fact]
    public async Task Starting_again_changes_nothing()
    {
        var database = await NewDatabaseAsync();
        var catalog = CatalogFactories.For(database);
        await CatalogInitializer.InitializeAsync(catalog, CancellationToken.None);
        var schema = await CatalogFactories.SchemaOfAsync(database);

        await CatalogInitializer.InitializeAsync(catalog, CancellationToken.None);

        await using var db = await catalog.CreateDbContextAsync();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.True(schema.Columns.SetEquals((await CatalogFactories.SchemaOfAsync(database)).Columns));
    }

    [Theory]
    [InlineData("e89f607")]
    [InlineData("458e68d")]
    public async Task A_catalog_made_before_migrations_is_adopted_with_its_data(string release)
    {
        var (server, legacy) = await NewServerAsync();
        await LegacyCatalog.CreateAsync(legacy, release);
        var fresh = await NewDatabaseAsync();
        await CatalogInitializer.InitializeAsync(CatalogFactories.For(fresh), CancellationToken.None);

        await server.InitializeAsync();
        try
        {
            var adopted = await CatalogFactories.SchemaOfAsync(legacy);
            var migrated = await CatalogFactories.SchemaOfAsync(fresh);
            Assert.Empty(migrated.Columns.Except(adopted.Columns));
            Assert.Empty(adopted.Columns.Except(migrated.Columns));
            Assert.Empty(migrated.Indexes.Except(adopted.Indexes));
            Assert.Empty(adopted.Indexes.Except(migrated.Indexes));
            await using (var db = await CatalogFactories.For(legacy).CreateDbContextAsync())
            {
                Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            }

            using var client = new RefineryApiClient(server.NewHttpClient(LegacyCatalog.Token), LegacyCatalog.ProjectId);
            var task = await client.GetAsync($"{client.Tasks}/{LegacyCatalog.TaskId}");
            Assert.True(task.Status == HttpStatusCode.OK, task.Raw);
            Assert.Equal("legacy-validation", task.Json["name"]!.GetValue<string>());
            var results = await client.AllResultsAsync(LegacyCatalog.TaskId, LegacyCatalog.VersionId);
            Assert.Equal(["obs://imgs/legacy/a.jpg", "obs://imgs/legacy/b.jpg"], results.Select(result => result["origin_source"]!.GetValue<string>()));

            // The adopted catalog takes new work: a version runs to the end and records its results.
            server.WriteImage("after-adoption/a.jpg", TestImages.Jpeg(64, 48, 1));
            var taskId = await client.CreateTaskAsync(TaskBodies.Validation("after-adoption", "obs://imgs/after-adoption", "obs://imgs/out-after-adoption"));
            var versionId = await client.LatestVersionIdAsync(taskId);
            await client.WaitForCompletionAsync(taskId, versionId);
            Assert.Single(await client.AllResultsAsync(taskId, versionId));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
