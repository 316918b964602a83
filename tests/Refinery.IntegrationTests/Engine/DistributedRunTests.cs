using System.Diagnostics;
using Npgsql;
using Refinery.IntegrationTests.Infrastructure;
using Refinery.TestSupport;
using Xunit.Abstractions;

namespace Refinery.IntegrationTests.Engine;

/// <summary>
/// <c>serve --no-workers</c> and separate <c>worker</c> processes sharing one PostgreSQL catalog and job queue and one
/// staging directory: the API process runs no shard, the workers run them all, and a stop reaches them all.
/// </summary>
public sealed class DistributedRunTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Two shards of 200, so both workers can take one.
    private const int SampleCount = 400;

    private const int SlowSamples = 600;

    private readonly PostgresCluster _cluster = new();
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("refinery-dist-");

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _root.Delete(recursive: true);
    }

    [Fact]
    public async Task A_validation_run_by_two_worker_processes_completes_with_every_sample_once()
    {
        var images = _root.CreateSubdirectory("imgs").FullName;
        Directory.CreateDirectory(Path.Combine(images, "many"));
        for (var index = 0; index < SampleCount; index++)
        {
            File.WriteAllBytes(Path.Combine(images, "many", $"img{index:D4}.jpg"), TestImages.Jpeg(64, 48, index));
        }

        var database = await _cluster.CreateDatabaseAsync();
        var serveData = Path.Combine(_root.FullName, "serve");
        using var serve = await ServeProcess.StartAsync(serveData, ServeProcess.FreePort(), $"imgs={images}", [.. Shared(database), "--no-workers"]);
        using var first = await StartWorkerAsync(1, images, database);
        using var second = await StartWorkerAsync(2, images, database);
        using var client = serve.CreateClient(serveData);

        var taskId = await client.CreateTaskAsync(TaskBodies.Validation("distributed", "obs://imgs/many", "obs://imgs/out", taskType: "image_classification"));
        var versionId = await client.LatestVersionIdAsync(taskId);
        var version = await client.WaitForCompletionAsync(taskId, versionId);
        var results = await client.AllResultsAsync(taskId, versionId);

        Assert.Equal(SampleCount, version["origin_sample_count"]!.GetValue<int>());
        Assert.Equal(SampleCount, results.Count);
        Assert.Equal(SampleCount, results.Select(result => result["origin_source"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(SampleCount, File.ReadAllLines(Path.Combine(images, "out", "output", versionId, "output.manifest")).Length);
    }

    [Fact]
    public async Task A_stop_while_two_workers_are_busy_leaves_no_shard_running_five_seconds_later_and_publishes_nothing()
    {
        // Both workers are busy when the stop comes.
        var (images, database) = await SlowShardsAsync();
        var serveData = Path.Combine(_root.FullName, "serve");
        using var serve = await ServeProcess.StartAsync(serveData, ServeProcess.FreePort(), $"imgs={images}", [.. Shared(database), "--no-workers"]);
        using var first = await StartWorkerAsync(1, images, database);
        using var second = await StartWorkerAsync(2, images, database);
        using var client = serve.CreateClient(serveData);
        await using var catalog = await PostgresCluster.OpenAsync(database);
        var taskId = await client.CreateTaskAsync(TaskBodies.Analysis("distributed-stop", "obs://imgs/many"));
        var versionId = await client.LatestVersionIdAsync(taskId);
        await WaitUntilAsync(async () => (await ClaimsAsync(catalog, versionId)).Workers == 2, "the two workers were never busy at once");

        await client.PostAsync($"{client.Tasks}/{taskId}/versions/{versionId}/stop", null);

        // Each look at the catalog notes its own clock; a shard still claimed more than 5 s after the stop fails the test.
        var stillClaimedAt = new List<long>();
        var firstUnclaimedAt = 0L;
        await WaitUntilAsync(
            async () =>
            {
                var claims = await ClaimsAsync(catalog, versionId);
                if (claims.Shards > 0)
                {
                    stillClaimedAt.Add(claims.CatalogNow);
                }

                firstUnclaimedAt = claims.CatalogNow;
                return claims.Shards == 0;
            },
            "shards stayed claimed after the stop");
        var version = await client.WaitForVersionAsync(taskId, versionId, TimeSpan.FromSeconds(30), 2, 3, 4);
        var stoppedAt = await ScalarAsync<long>(catalog, "SELECT \"EndTime\" FROM task_versions WHERE \"VersionId\" = @version", versionId);

        output.WriteLine(
            $"Last seen claimed {(stillClaimedAt.Count > 0 ? stillClaimedAt.Max() - stoppedAt : 0)} ms after the stop; first seen unclaimed {firstUnclaimedAt - stoppedAt} ms after it.");
        Assert.Equal(4, version["status"]!.GetValue<int>());
        Assert.All(stillClaimedAt, seen => Assert.InRange(seen - stoppedAt, long.MinValue, 5000));
        Assert.Empty(await client.AllResultsAsync(taskId, versionId));
        Assert.Empty(Directory.GetFiles(images, "output.manifest", SearchOption.AllDirectories));
        Assert.Equal(SlowSamples, Directory.GetFiles(images, "*", SearchOption.AllDirectories).Length);
    }

    /// <summary>
    /// The images of three slow shards (200 six-megapixel JPEGs each, for two one-job workers) in <c>imgs/many</c>, and a
    /// new database: the bucket's folder and the database's URL.
    /// </summary>
    private async Task<(string Images, string Database)> SlowShardsAsync()
    {
        var images = _root.CreateSubdirectory("imgs").FullName;
        Directory.CreateDirectory(Path.Combine(images, "many"));
        var image = TestImages.Jpeg(3000, 2000, 11);
        for (var index = 0; index < SlowSamples; index++)
        {
            File.WriteAllBytes(Path.Combine(images, "many", $"img{index:D4}.jpg"), image);
        }

        return (images, await _cluster.CreateDatabaseAsync());
    }

    /// <summary>The flags every process of a test shares: the database and one staging directory.</summary>
    private string[] Shared(string database) => ["--db", database, "--staging-dir", _root.CreateSubdirectory("staging").FullName];

    private Task<ServeProcess> StartWorkerAsync(int number, string images, string database) =>
        ServeProcess.StartWorkerAsync(Path.Combine(_root.FullName, $"worker-{number}"), $"imgs={images}", [.. Shared(database), "--workers", "1"]);

    /// <summary>How many of the version's shards are claimed and by how many workers, with the catalog's clock (ms).</summary>
    private static async Task<(int Shards, int Workers, long CatalogNow)> ClaimsAsync(NpgsqlConnection catalog, string versionId)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT count("ClaimedBy"), count(DISTINCT "ClaimedBy"), (extract(epoch FROM clock_timestamp()) * 1000)::bigint
            FROM shards WHERE "VersionId" = @version
            """,
            catalog);
        command.Parameters.AddWithValue("version", versionId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1), reader.GetInt64(2));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection catalog, string sql, string versionId)
    {
        await using var command = new NpgsqlCommand(sql, catalog);
        command.Parameters.AddWithValue("version", versionId);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls a condition that other processes make true; the bound only turns a regression into a failure instead of a hang.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), failure);
            await Task.Delay(100);
        }
    }
}
