using System.Diagnostics;
using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;
using Refinery.IntegrationTests.Observability;
using Xunit.Abstractions;

namespace Refinery.IntegrationTests.Engine;

/// <summary>
/// Distributed mode losing a process mid-run: a 2,000-sample validation and a 2,000-sample analysis on two one-job
/// workers (ten shards each, so each worker takes several), while a worker or the API process is SIGKILLed. Both
/// versions complete, every input sample is in the results and the published manifest exactly once, and the
/// analysis equals the one of a run nothing interrupted.
/// </summary>
[Collection(PostgresServerCollection.Name)]
public sealed class DistributedKillTests(PostgresRefineryInstance postgres, KillRunFolder folder, ITestOutputHelper log) : IClassFixture<KillRunFolder>
{
    private const int ShardSize = 200;

    // The reconciler hands a killed worker's shards on once its heartbeat is 6 s stale; the bound leaves room for
    // Hangfire's own re-delivery (2 minutes after the last sign of life) on a loaded machine.
    private static readonly TimeSpan _recoveryTimeout = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task A_worker_killed_mid_run_leaves_its_shards_to_the_other_and_every_sample_appears_once()
    {
        var healthPort = ServeProcess.FreePort();
        using var installation = await DistributedInstallation.StartAsync(
            postgres.Cluster, folder.ImagesDirectory, ["--workers", "1", "--health-urls", $"http://127.0.0.1:{healthPort}"], ["--workers", "1"]);
        installation.Log = log;
        using var doomedMetrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{healthPort}") };
        // Only a worker asked for a health port opens one.
        Assert.Equal([healthPort], installation.Workers[0].ListeningPorts());
        Assert.Empty(installation.Workers[1].ListeningPorts());
        var reference = await folder.ReferenceAnalysisAsync(installation.Client);
        var before = await SamplesProcessedAsync(doomedMetrics);

        var runs = await StartRunsAsync(installation.Client, "worker-kill");
        // Killed once it has finished a shard of these runs and while shards remain: mid-run for it and for the versions.
        await WaitUntilProcessedAsync(doomedMetrics, before + ShardSize);

        Assert.True(await ProcessedAsync(installation.Client, runs) < 2 * KillRunFolder.SampleCount, "both runs were over before the kill");
        installation.Workers[0].Kill();

        await AssertCompleteWithEverySampleOnceAsync(installation, runs, reference);
    }

    [Fact]
    public async Task The_API_process_killed_and_restarted_mid_run_sees_both_versions_complete()
    {
        using var installation = await DistributedInstallation.StartAsync(postgres.Cluster, folder.ImagesDirectory, ["--workers", "1"], ["--workers", "1"]);
        installation.Log = log;
        var reference = await folder.ReferenceAnalysisAsync(installation.Client);

        var runs = await StartRunsAsync(installation.Client, "api-kill");
        Assert.InRange(await installation.Client.WaitForProgressAsync(runs.ValidationTask, runs.ValidationVersion), 1, KillRunFolder.SampleCount - 1);
        await installation.RestartServeAsync();

        await AssertCompleteWithEverySampleOnceAsync(installation, runs, reference);
    }

    private static async Task<KillRuns> StartRunsAsync(RefineryApiClient client, string name)
    {
        var validationTask = await client.CreateTaskAsync(TaskBodies.Validation(
            $"{name}-validation", $"obs://imgs/{KillRunFolder.Folder}", $"obs://imgs/out-{name}", taskType: "image_classification"));
        var analysisTask = await client.CreateTaskAsync(TaskBodies.Analysis($"{name}-analysis", $"obs://imgs/{KillRunFolder.Folder}"));
        return new KillRuns(name, validationTask, await client.LatestVersionIdAsync(validationTask), analysisTask, await client.LatestVersionIdAsync(analysisTask));
    }

    private async Task AssertCompleteWithEverySampleOnceAsync(DistributedInstallation installation, KillRuns runs, JsonNode reference)
    {
        var client = installation.Client;
        var validation = await client.WaitForVersionAsync(runs.ValidationTask, runs.ValidationVersion, _recoveryTimeout, 2, 3, 4);
        var analysis = await client.WaitForVersionAsync(runs.AnalysisTask, runs.AnalysisVersion, _recoveryTimeout, 2, 3, 4);
        var expected = KillRunFolder.Sources.Order(StringComparer.Ordinal).ToArray();

        Assert.True(validation["status"]!.GetValue<int>() == 2, $"the validation ended so: {validation.ToJsonString()}\n{installation.RecentOutput()}");
        Assert.True(analysis["status"]!.GetValue<int>() == 2, $"the analysis ended so: {analysis.ToJsonString()}\n{installation.RecentOutput()}");
        Assert.Equal(expected, await ResultSourcesAsync(client, runs.ValidationTask, runs.ValidationVersion));
        Assert.Equal(expected, await ResultSourcesAsync(client, runs.AnalysisTask, runs.AnalysisVersion));
        var manifest = VersionOutput.ManifestLines(VersionOutput.Directory(folder.ImagesDirectory, $"out-{runs.Name}", runs.ValidationVersion));
        // The manifest names the published copies, which keep their input's file names.
        Assert.Equal(expected.Select(Path.GetFileName), manifest.Select(line => Path.GetFileName(line["source"]!.GetValue<string>())).Order(StringComparer.Ordinal));
        var result = (await client.GetAsync($"{client.Tasks}/{runs.AnalysisTask}")).Json["result"]!;
        Assert.True(JsonNode.DeepEquals(reference, result), $"the analysis differs from the uninterrupted one:\n{reference.ToJsonString()}\n{result.ToJsonString()}");
    }

    private static async Task<string[]> ResultSourcesAsync(RefineryApiClient client, string taskId, string versionId) =>
        [.. (await client.AllResultsAsync(taskId, versionId)).Select(result => result["origin_source"]!.GetValue<string>()).Order(StringComparer.Ordinal)];

    private static async Task<int> ProcessedAsync(RefineryApiClient client, KillRuns runs)
    {
        var validation = (await client.GetAsync($"{client.Tasks}/{runs.ValidationTask}/versions/{runs.ValidationVersion}")).Json;
        var analysis = (await client.GetAsync($"{client.Tasks}/{runs.AnalysisTask}/versions/{runs.AnalysisVersion}")).Json;
        return validation["progress"]!["processed"]!.GetValue<int>() + analysis["progress"]!["processed"]!.GetValue<int>();
    }

    private static async Task WaitUntilProcessedAsync(HttpClient metrics, double samples)
    {
        var clock = Stopwatch.StartNew();
        while (await SamplesProcessedAsync(metrics) < samples)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"the worker had not processed {samples} samples after 2 minutes");
            await Task.Delay(50);
        }
    }

    private static async Task<double> SamplesProcessedAsync(HttpClient metrics) =>
        new PrometheusScrape(await metrics.GetStringAsync("/metrics")).Sum("refinery_samples_processed");

    private sealed record KillRuns(string Name, string ValidationTask, string ValidationVersion, string AnalysisTask, string AnalysisVersion);
}
