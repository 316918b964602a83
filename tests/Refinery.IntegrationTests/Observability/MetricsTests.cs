using System.Net;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Observability;

/// <summary>
/// <c>/metrics</c> scraped before and after a small run. The engine's counters are the process's, which other tests'
/// runs move too, so each check is that a figure moved by at least what this run did.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class MetricsTests(RefineryInstance server)
{
    private const string SamplesProcessed = "refinery_samples_processed";
    private const string OperatorDurationCount = "refinery_operator_duration_seconds_count";

    [Fact]
    public async Task A_run_moves_the_request_sample_operator_and_version_figures()
    {
        var before = await ScrapeAsync();
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "metrics-run", Datasets.SmallFolder(server, "metrics-run", 3), "obs://imgs/out-metrics-run", taskType: "image_classification"));
        await server.Client.WaitForCompletionAsync(taskId, await server.Client.LatestVersionIdAsync(taskId));

        var after = await ScrapeAsync();

        Assert.True(after.Sum(SamplesProcessed) >= before.Sum(SamplesProcessed) + 3, after.Text);
        Assert.True(
            after.Sum(OperatorDurationCount, "operator=\"MetaValidation\"") >= before.Sum(OperatorDurationCount, "operator=\"MetaValidation\"") + 3,
            after.Text);
        Assert.True(after.Sum("refinery_task_versions", "status=\"completed\"") >= 1, after.Text);
        Assert.True(after.Has("refinery_task_versions"));
        Assert.True(
            after.Sum("http_requests_received_total", "method=\"POST\"", "endpoint=\"/v2/{project_id}/processor-tasks/\"")
                >= before.Sum("http_requests_received_total", "method=\"POST\"", "endpoint=\"/v2/{project_id}/processor-tasks/\"") + 1,
            after.Text);
    }

    [Fact]
    public async Task Metrics_need_no_token()
    {
        using var anonymous = server.NewHttpClient(token: null);

        using var response = await anonymous.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("refinery_task_versions", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<PrometheusScrape> ScrapeAsync()
    {
        using var anonymous = server.NewHttpClient(token: null);
        return new PrometheusScrape(await anonymous.GetStringAsync("/metrics"));
    }
}
