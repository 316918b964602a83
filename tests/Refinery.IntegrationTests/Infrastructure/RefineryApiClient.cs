using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>A thin client over the processor-task API, in the terms a ModelArts script uses.</summary>
public sealed class RefineryApiClient(HttpClient http, string projectId) : IDisposable
{
    public string ProjectId { get; } = projectId;

    public string Tasks => $"/v2/{ProjectId}/processor-tasks";

    public HttpClient Http => http;

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, body: null);

    public Task<ApiResponse> PostAsync(string path, string? body) => SendAsync(HttpMethod.Post, path, body);

    public Task<ApiResponse> PutAsync(string path, string? body) => SendAsync(HttpMethod.Put, path, body);

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, body: null);

    public Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body) =>
        SendAsync(method, path, body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>Sends exactly these bytes as an <c>application/json</c> body, for bodies no string can hold (invalid UTF-8).</summary>
    public Task<ApiResponse> SendBytesAsync(HttpMethod method, string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return SendAsync(method, path, content);
    }

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await http.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, raw, raw.Length == 0 ? null : JsonNode.Parse(raw));
    }

    /// <summary>Creates a task and returns its id, failing the test with the server's answer otherwise.</summary>
    public async Task<string> CreateTaskAsync(string body)
    {
        var response = await PostAsync(Tasks, body);
        Assert.True(response.Status == HttpStatusCode.OK, $"create task answered {(int)response.Status}: {response.Raw}");
        return response.Json["task_id"]!.GetValue<string>();
    }

    /// <summary>The task's latest version id.</summary>
    public async Task<string> LatestVersionIdAsync(string taskId)
    {
        var versions = await GetAsync($"{Tasks}/{taskId}/versions");
        return versions.Json["versions"]![0]!["task_version_id"]!.GetValue<string>();
    }

    /// <summary>Polls a version until its status is one of <paramref name="statuses"/>, and returns it.</summary>
    public async Task<JsonNode> WaitForVersionAsync(string taskId, string versionId, TimeSpan timeout, params int[] statuses)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var version = await GetAsync($"{Tasks}/{taskId}/versions/{versionId}");
            Assert.Equal(HttpStatusCode.OK, version.Status);
            if (statuses.Contains(version.Json["status"]!.GetValue<int>()))
            {
                return version.Json;
            }

            Assert.True(clock.Elapsed < timeout, $"version {versionId} did not reach status {string.Join('/', statuses)} in {timeout}: {version.Raw}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until some samples are processed but the run is not over, and returns how many are.</summary>
    public async Task<int> WaitForProgressAsync(string taskId, string versionId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var version = (await GetAsync($"{Tasks}/{taskId}/versions/{versionId}")).Json;
            var processed = version["progress"]!["processed"]!.GetValue<int>();
            if (processed > 0)
            {
                return processed;
            }

            Assert.Equal(1, version["status"]!.GetValue<int>() is 0 or 1 ? 1 : version["status"]!.GetValue<int>());
            await Task.Delay(50);
        }

        throw new TimeoutException("no shard finished within 2 minutes");
    }

    public async Task<JsonNode> WaitForCompletionAsync(string taskId, string versionId)
    {
        var version = await WaitForVersionAsync(taskId, versionId, TimeSpan.FromMinutes(3), 2, 3, 4);
        Assert.True(version["status"]!.GetValue<int>() == 2, $"version ended in status {version["status"]}: {version.ToJsonString()}");
        return version;
    }

    public string Datasets => $"/v2/{ProjectId}/datasets";

    /// <summary>Creates a dataset over an OBS folder and waits until its import has finished.</summary>
    public async Task<JsonNode> CreateDatasetAsync(string name, string dataPath, string workPath, int datasetType = 0)
    {
        var created = await PostAsync(Datasets, $$"""
            { "dataset_name": "{{name}}", "dataset_type": {{datasetType}}, "work_path": "{{workPath}}",
              "data_sources": [ { "data_type": 0, "data_path": "{{dataPath}}" } ] }
            """);
        Assert.True(created.Status == HttpStatusCode.Created, $"create dataset answered {(int)created.Status}: {created.Raw}");
        var datasetId = created.Json["dataset_id"]!.GetValue<string>();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var dataset = (await GetAsync($"{Datasets}/{datasetId}")).Json;
            if (dataset["status"]!.GetValue<int>() != 8)
            {
                Assert.True(dataset["status"]!.GetValue<int>() == 1, $"import ended abnormal: {dataset.ToJsonString()}");
                return dataset;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the import did not finish in 60 s");
            await Task.Delay(100);
        }
    }

    /// <summary>Every result of a version, following the pages; <paramref name="query"/> is added to each page's query.</summary>
    public async Task<List<JsonNode>> AllResultsAsync(string taskId, string versionId, string query = "")
    {
        var all = new List<JsonNode>();
        while (true)
        {
            var page = await GetAsync($"{Tasks}/{taskId}/versions/{versionId}/results?offset={all.Count}&limit=100{query}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            all.AddRange(page.Json["results"]!.AsArray().Select(result => result!));
            if (!page.Json["has_more"]!.GetValue<bool>())
            {
                return all;
            }
        }
    }

    public void Dispose() => http.Dispose();
}
