using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.Engine.Mapping;

namespace Refinery.Engine.Tests.Mapping;

/// <summary>Per-sample progress: counted per sample, written to a real SQLite catalog at most once per flush interval.</summary>
public sealed class ShardProgressTests : IAsyncLifetime
{
    private const string VersionId = "V1aBcDeFgHiJkLmNoPq";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"refinery-progress-{Guid.NewGuid():N}.db");
    private readonly ManualClock _clock = new();
    private PooledDbContextFactory<CatalogContext> _catalog = null!;

    public async Task InitializeAsync()
    {
        var options = new DbContextOptionsBuilder<CatalogContext>();
        CatalogDatabase.SqliteFile(_path).Configure(options);
        _catalog = new PooledDbContextFactory<CatalogContext>(options.Options);
        await CatalogInitializer.InitializeAsync(_catalog, CancellationToken.None);
        await using var db = await _catalog.CreateDbContextAsync();
        db.Versions.Add(new TaskVersionRecord { VersionId = VersionId, TaskId = "T", ProjectId = "p", VersionName = "V001", TemplateJson = "{}", InputsJson = "[]", TotalSamples = 400 });
        db.Shards.AddRange(new ShardRecord { VersionId = VersionId, ShardIndex = 0, SampleCount = 200 }, new ShardRecord { VersionId = VersionId, ShardIndex = 1, SampleCount = 200 });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Samples_finished_within_a_flush_interval_are_written_together_once_it_has_passed()
    {
        var progress = new ShardProgress(_catalog, _clock, VersionId, 0);

        await DoneAsync(progress, 3);
        var beforeInterval = await ProcessedAsync();
        _clock.Advance(ShardProgress.FlushInterval);
        await DoneAsync(progress, 1);

        Assert.Equal(0, beforeInterval);
        Assert.Equal(4, await ProcessedAsync());
    }

    [Fact]
    public async Task Each_flush_interval_writes_the_samples_finished_since()
    {
        var progress = new ShardProgress(_catalog, _clock, VersionId, 0);
        var seen = new List<int>();

        for (var second = 0; second < 3; second++)
        {
            _clock.Advance(ShardProgress.FlushInterval);
            await DoneAsync(progress, 5);
            seen.Add(await ProcessedAsync());
        }

        Assert.Equal([1, 6, 11], seen); // the first sample of each interval writes; the rest wait for the next
    }

    [Fact]
    public async Task The_versions_progress_is_the_sum_of_its_shards()
    {
        var first = new ShardProgress(_catalog, _clock, VersionId, 0);
        var second = new ShardProgress(_catalog, _clock, VersionId, 1);
        _clock.Advance(ShardProgress.FlushInterval);

        await DoneAsync(first, 1);
        await DoneAsync(second, 1);
        _clock.Advance(ShardProgress.FlushInterval);
        await DoneAsync(first, 1);

        Assert.Equal(3, await ProcessedAsync());
    }

    [Fact]
    public async Task A_shard_delivered_again_restarts_its_own_count_instead_of_adding_to_the_total_twice()
    {
        var crashed = new ShardProgress(_catalog, _clock, VersionId, 0);
        _clock.Advance(ShardProgress.FlushInterval);
        await DoneAsync(crashed, 1);
        _clock.Advance(ShardProgress.FlushInterval);
        await DoneAsync(crashed, 1);
        var again = new ShardProgress(_catalog, _clock, VersionId, 0);
        _clock.Advance(ShardProgress.FlushInterval);

        await DoneAsync(again, 1);

        Assert.Equal(1, await ProcessedAsync());
    }

    [Fact]
    public async Task A_sample_does_not_wait_for_the_progress_write()
    {
        var progress = new ShardProgress(_catalog, _clock, VersionId, 0);
        _clock.Advance(ShardProgress.FlushInterval);
        await using var blocker = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_path};Pooling=False");
        await blocker.OpenAsync();
        await using var holdsTheWriteLock = await blocker.BeginTransactionAsync(System.Data.IsolationLevel.Serializable);
        using (var write = blocker.CreateCommand())
        {
            write.CommandText = "UPDATE shards SET ProcessedSamples = 0 WHERE ShardIndex = 1";
            await write.ExecuteNonQueryAsync();
        }

        await progress.SampleDoneAsync(CancellationToken.None);
        var writtenWhileLocked = progress.WrittenAsync().IsCompleted;
        await holdsTheWriteLock.CommitAsync();
        await progress.WrittenAsync();

        Assert.False(writtenWhileLocked);
        Assert.Equal(1, await ProcessedAsync());
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    private static async Task DoneAsync(ShardProgress progress, int samples)
    {
        for (var index = 0; index < samples; index++)
        {
            await progress.SampleDoneAsync(CancellationToken.None);
            await progress.WrittenAsync();
        }
    }

    private async Task<int> ProcessedAsync()
    {
        await using var db = await _catalog.CreateDbContextAsync();
        return await db.Versions.Where(version => version.VersionId == VersionId).Select(version => version.ProcessedSamples).SingleAsync();
    }
}
