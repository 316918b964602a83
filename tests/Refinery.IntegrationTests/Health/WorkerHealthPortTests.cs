using System.Net;
using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;
using Refinery.IntegrationTests.Observability;

namespace Refinery.IntegrationTests.Health;

/// <summary>
/// <c>refinery worker --health-urls</c>: the port answers the probes and the worker's own metrics, and nothing else.
/// (That a worker without the option opens no port is checked by the kill tests, whose survivor has none.)
/// </summary>
[Collection(PostgresServerCollection.Name)]
public sealed class WorkerHealthPortTests(PostgresRefineryInstance postgres) : IDisposable
{
    private const int Samples = 30;

    private readonly DirectoryInfo _images = Directory.CreateTempSubdirectory("refinery-health-imgs-");

    public void Dispose() => _images.Delete(recursive: true);

    [Fact]
    public async Task A_worker_given_health_urls_answers_probes_and_its_metrics_there_and_nothing_else()
    {
        var folder = _images.CreateSubdirectory("many").FullName;
        for (var index = 0; index < Samples; index++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"img{index:D4}.jpg"), TestImages.Jpeg(64, 48, index));
        }

        var healthPort = ServeProcess.FreePort();
        using var installation = await DistributedInstallation.StartAsync(
            postgres.Cluster, _images.FullName, ["--workers", "1", "--health-urls", $"http://127.0.0.1:{healthPort}"]);
        using var health = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{healthPort}") };
        var client = installation.Client;

        var taskId = await client.CreateTaskAsync(TaskBodies.Validation("health-port", "obs://imgs/many", "obs://imgs/out", taskType: "image_classification"));
        await client.WaitForCompletionAsync(taskId, await client.LatestVersionIdAsync(taskId));
        using var live = await health.GetAsync("/healthz");
        using var ready = await health.GetAsync("/readyz");
        using var api = await health.GetAsync(client.Tasks);
        var metrics = new PrometheusScrape(await health.GetStringAsync("/metrics"));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("ok", JsonNode.Parse(await live.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        // The worker's first scrape comes after its work: the figures count from its start, not from that scrape.
        Assert.Equal(Samples, metrics.Sum("refinery_samples_processed"));
        Assert.Equal(Samples, metrics.Sum("refinery_operator_duration_seconds_count", "operator=\"MetaValidation\""));
        Assert.True(metrics.Has("process_cpu_seconds_total"), metrics.Text);
        Assert.Equal([healthPort], installation.Workers[0].ListeningPorts());
    }
}
