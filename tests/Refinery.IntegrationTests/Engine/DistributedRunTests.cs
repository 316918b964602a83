using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;
using Refinery.TestSupport;

namespace Refinery.IntegrationTests.Engine;

/// <summary>
/// <c>serve --no-workers</c> and separate <c>worker</c> processes sharing one PostgreSQL catalog and job queue and one
/// staging directory: the API process runs no shard, the workers run them all.
/// </summary>
public sealed class DistributedRunTests : IAsyncLifetime
{
    // Two shards of 200, so both workers can take one.
    private const int SampleCount = 400;

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
        var staging = _root.CreateSubdirectory("staging").FullName;
        string[] shared = ["--db", database, "--staging-dir", staging];
        var serveData = Path.Combine(_root.FullName, "serve");
        using var serve = await ServeProcess.StartAsync(serveData, ServeProcess.FreePort(), $"imgs={images}", [.. shared, "--no-workers"]);
        using var first = await ServeProcess.StartWorkerAsync(Path.Combine(_root.FullName, "worker-1"), $"imgs={images}", [.. shared, "--workers", "1"]);
        using var second = await ServeProcess.StartWorkerAsync(Path.Combine(_root.FullName, "worker-2"), $"imgs={images}", [.. shared, "--workers", "1"]);
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
    public async Task A_worker_killed_mid_run_leaves_its_shard_to_the_other_and_every_sample_appears_once()
    {
        // Three slow shards of 200 on two one-job workers: the kill lands while shards are running.
        const int Samples = 600;
        var images = _root.CreateSubdirectory("imgs").FullName;
        Directory.CreateDirectory(Path.Combine(images, "many"));
        var image = TestImages.Jpeg(3000, 2000, 11);
        for (var index = 0; index < Samples; index++)
        {
            File.WriteAllBytes(Path.Combine(images, "many", $"img{index:D4}.jpg"), image);
        }

        var database = await _cluster.CreateDatabaseAsync();
        string[] shared = ["--db", database, "--staging-dir", _root.CreateSubdirectory("staging").FullName];
        var serveData = Path.Combine(_root.FullName, "serve");
        using var serve = await ServeProcess.StartAsync(serveData, ServeProcess.FreePort(), $"imgs={images}", [.. shared, "--no-workers"]);
        using var doomed = await ServeProcess.StartWorkerAsync(Path.Combine(_root.FullName, "worker-1"), $"imgs={images}", [.. shared, "--workers", "1"]);
        using var survivor = await ServeProcess.StartWorkerAsync(Path.Combine(_root.FullName, "worker-2"), $"imgs={images}", [.. shared, "--workers", "1"]);
        using var client = serve.CreateClient(serveData);
        var taskId = await client.CreateTaskAsync(TaskBodies.Validation(
            "distributed-kill", "obs://imgs/many", "obs://imgs/out", taskType: "image_classification", maxWidth: 1000, maxHeight: 1000));
        var versionId = await client.LatestVersionIdAsync(taskId);

        Assert.InRange(await client.WaitForProgressAsync(taskId, versionId), 1, Samples - 1);
        doomed.Kill();
        // Hangfire hands the killed worker's shard on about one invisibility timeout (2 minutes) after its last heartbeat.
        var version = await client.WaitForVersionAsync(taskId, versionId, TimeSpan.FromMinutes(8), 2, 3, 4);
        var results = await client.AllResultsAsync(taskId, versionId);

        Assert.Equal(2, version["status"]!.GetValue<int>());
        Assert.Equal(Samples, results.Count);
        Assert.Equal(Samples, results.Select(result => result["origin_source"]!.GetValue<string>()).Distinct().Count());
        var manifest = File.ReadAllLines(Path.Combine(images, "out", "output", versionId, "output.manifest"));
        Assert.Equal(Samples, manifest.Length);
        Assert.Equal(Samples, manifest.Select(line => JsonNode.Parse(line)!["source"]!.GetValue<string>()).Distinct().Count());
    }
}
