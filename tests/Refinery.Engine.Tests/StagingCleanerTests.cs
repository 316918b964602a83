using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Engine.Staging;
using Refinery.Storage;

namespace Refinery.Engine.Tests;

/// <summary>Staging of ended versions is cleared, also when a crash interrupted the clearing; running versions keep theirs.</summary>
public sealed class StagingCleanerTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "refinery-cleaner-" + Guid.NewGuid().ToString("N"));
    private PooledDbContextFactory<CatalogContext> _catalog = null!;
    private StagingArea _staging = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        var options = new DbContextOptionsBuilder<CatalogContext>();
        CatalogDatabase.SqliteFile(Path.Combine(_root, "catalog.db")).Configure(options);
        _catalog = new PooledDbContextFactory<CatalogContext>(options.Options);
        await CatalogInitializer.InitializeAsync(_catalog, CancellationToken.None);
        _staging = new StagingArea(new LocalDirectoryStore("staging", Path.Combine(_root, "staging")), new ObjectPath("staging", ""));
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_sweep_clears_failed_and_stopped_versions_a_crash_left_with_staging_and_spares_the_others()
    {
        await AddVersionWithStagingAsync("failed", VersionStatus.Failed);
        await AddVersionWithStagingAsync("stopped", VersionStatus.Stopped);
        await AddVersionWithStagingAsync("running", VersionStatus.Running);
        var cleaner = new StagingCleaner(_catalog, _staging, NullLogger<StagingCleaner>.Instance);

        Assert.Equal(2, await cleaner.SweepAsync(CancellationToken.None));

        Assert.False(HasStaging("failed"));
        Assert.False(HasStaging("stopped"));
        Assert.True(HasStaging("running"));
        await using var db = await _catalog.CreateDbContextAsync();
        Assert.Equal(["running"], await db.Shards.Select(shard => shard.VersionId).ToListAsync());
        Assert.Equal(0, await cleaner.SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_completed_version_loses_its_staging_but_keeps_its_shard_records()
    {
        await AddVersionWithStagingAsync("done", VersionStatus.Completed);

        Assert.True(await new StagingCleaner(_catalog, _staging, NullLogger<StagingCleaner>.Instance).ClearIfEndedAsync("done", CancellationToken.None));

        Assert.False(HasStaging("done"));
        await using var db = await _catalog.CreateDbContextAsync();
        Assert.Equal(1, await db.Shards.CountAsync());
    }

    [Fact]
    public async Task A_clear_racing_a_worker_still_writing_is_left_to_the_sweep_instead_of_failing_the_caller()
    {
        await AddVersionWithStagingAsync("stopped", VersionStatus.Stopped);
        var store = new BusyDirectoryStore((LocalDirectoryStore)_staging.Store);
        var cleaner = new StagingCleaner(_catalog, new StagingArea(store, new ObjectPath("staging", "")), NullLogger<StagingCleaner>.Instance);

        Assert.False(await cleaner.ClearIfEndedAsync("stopped", CancellationToken.None));
        Assert.True(HasStaging("stopped"));

        store.WriterFinished = true;
        Assert.Equal(1, await cleaner.SweepAsync(CancellationToken.None));
        Assert.False(HasStaging("stopped"));
    }

    private async Task AddVersionWithStagingAsync(string versionId, VersionStatus status)
    {
        await using (var db = await _catalog.CreateDbContextAsync())
        {
            db.Versions.Add(new TaskVersionRecord
            {
                VersionId = versionId,
                TaskId = "task",
                ProjectId = "project",
                VersionName = "V001",
                TemplateJson = "{}",
                InputsJson = "[]",
                Status = (int)status,
                Sequence = db.Versions.Count() + 1,
            });
            db.Shards.Add(new ShardRecord { VersionId = versionId, ShardIndex = 0, SampleCount = 1 });
            await db.SaveChangesAsync();
        }

        await _staging.Store.WriteAsync(_staging.ShardSamples(versionId, 0), new MemoryStream("{}\n"u8.ToArray()), CancellationToken.None);
    }

    private bool HasStaging(string versionId) => Directory.Exists(Path.Combine(_root, "staging", versionId));
}
