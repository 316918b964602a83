using System.Net;
using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;
using Refinery.IntegrationTests.Observability;

namespace Refinery.IntegrationTests.Engine;

/// <summary>
/// <c>serve --no-workers</c> and separate <c>worker</c> processes sharing one PostgreSQL catalog and job queue and one
/// staging directory: the API process runs no shard, the workers run them all, and a worker opens a port only when
/// asked to.
/// </summary>
[Collection(PostgresServerCollection.Name)]
public sealed class DistributedRunTests(PostgresRefineryInstance postgres) : IDisposable
{
    private readonly DirectoryInfo _images = Directory.CreateTempSubdirectory("refinery-dist-imgs-");

    public void Dispose() => _images.Delete(recursive: true);

    [Fact]
    public async Task A_validation_run_by_two_worker_processes_completes_with_every_sample_once()
    {
        // Two shards of 200, so both workers can take one.
        const int Samples = 400;
        WriteImages(Samples);
        using var installation = await DistributedInstallation.StartAsync(postgres.Cluster, _images.FullName, ["--workers", "1"], ["--workers", "1"]);
        var client = installation.Client;

        var taskId = await client.CreateTaskAsync(TaskBodies.Validation("distributed", "obs://imgs/many", "obs://imgs/out", taskType: "image_classification"));
        var versionId = await client.LatestVersionIdAsync(taskId);
        var version = await client.WaitForCompletionAsync(taskId, versionId);
        var results = await client.AllResultsAsync(taskId, versionId);

        Assert.Equal(Samples, version["origin_sample_count"]!.GetValue<int>());
        Assert.Equal(Samples, results.Count);
        Assert.Equal(Samples, results.Select(result => result["origin_source"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(Samples, VersionOutput.ManifestLines(VersionOutput.Directory(_images.FullName, "out", versionId)).Length);
        Assert.All(installation.Workers, worker => Assert.Empty(worker.ListeningPorts()));
    }

    [Fact]
    public async Task A_worker_given_health_urls_answers_probes_and_its_metrics_there_and_nothing_else()
    {
        const int Samples = 30;
        WriteImages(Samples);
        var healthPort = ServeProcess.FreePort();
        using var installation = await DistributedInstallation.StartAsync(
            postgres.Cluster, _images.FullName, ["--workers", "1", "--health-urls", $"http://127.0.0.1:{healthPort}"]);
        using var health = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{healthPort}") };
        var client = installation.Client;

        var taskId = await client.CreateTaskAsync(TaskBodies.Validation("health-port", "obs://imgs/many", "obs://imgs/out-health", taskType: "image_classification"));
        await client.WaitForCompletionAsync(taskId, await client.LatestVersionIdAsync(taskId));
        using var live = await health.GetAsync("/healthz");
        using var ready = await health.GetAsync("/readyz");
        using var api = await health.GetAsync($"{client.Tasks}");
        var metrics = new PrometheusScrape(await health.GetStringAsync("/metrics"));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("ok", JsonNode.Parse(await live.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(Samples, metrics.Sum("refinery_samples_processed"));
        Assert.Equal(Samples, metrics.Sum("refinery_operator_duration_seconds_count", "operator=\"MetaValidation\""));
        Assert.True(metrics.Has("process_cpu_seconds_total"), metrics.Text);
        Assert.Equal([healthPort], installation.Workers[0].ListeningPorts());
    }

    private void WriteImages(int count)
    {
        var folder = _images.CreateSubdirectory("many").FullName;
        for (var index = 0; index < count; index++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"img{index:D4}.jpg"), TestImages.Jpeg(64, 48, index));
        }
    }
}
