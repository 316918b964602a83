using System.Net;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>
/// One of everything a project can own, made through the API: a task whose version has finished (so it has results
/// and signed links) and a dataset with a published version.
/// </summary>
public sealed record ProjectObjects(string TaskId, string VersionId, string DatasetId, string DatasetVersionId, Uri SignedLink)
{
    public static async Task<ProjectObjects> CreateAsync(RefineryInstance server, RefineryApiClient client, string prefix)
    {
        var input = Datasets.SmallFolder(server, $"{prefix}-in", count: 2);
        var taskId = await client.CreateTaskAsync(TaskBodies.Validation($"{prefix}-task", input, $"obs://imgs/{prefix}-out", taskType: "image_classification"));
        var versionId = await client.LatestVersionIdAsync(taskId);
        await client.WaitForCompletionAsync(taskId, versionId);
        var results = await client.AllResultsAsync(taskId, versionId);
        var link = new Uri(results[0]["signed_origin_source"]!.GetValue<string>());

        var dataset = await client.CreateDatasetAsync($"{prefix}-ds", input, $"/imgs/{prefix}-work/");
        var datasetId = dataset["dataset_id"]!.GetValue<string>();
        var published = await client.PostAsync($"{client.Datasets}/{datasetId}/versions", """{ "version_name": "V001" }""");
        Assert.True(published.Status == HttpStatusCode.Created, published.Raw);
        return new ProjectObjects(taskId, versionId, datasetId, published.Json["version_id"]!.GetValue<string>(), link);
    }
}
