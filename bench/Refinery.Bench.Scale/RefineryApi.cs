using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Refinery.Bench.Scale;

/// <summary>The few processor-task calls the benchmark makes, with the project's token, over one keep-alive connection.</summary>
public sealed class RefineryApi : IDisposable
{
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(250);

    private readonly HttpClient _http;

    public RefineryApi(RefineryChild serve)
    {
        var (projectId, token) = serve.Credentials();
        _http = new HttpClient { BaseAddress = serve.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        _http.DefaultRequestHeaders.Add("X-Auth-Token", token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        TasksPath = $"/v2/{projectId}/processor-tasks";
    }

    /// <summary><c>/v2/{project_id}/processor-tasks</c>.</summary>
    public string TasksPath { get; }

    /// <summary>Creates a task from the console's body and returns its task id and first version id.</summary>
    public async Task<(string TaskId, string VersionId)> CreateTaskAsync(string body, CancellationToken cancellationToken)
    {
        var created = await SendAsync(HttpMethod.Post, TasksPath, body, cancellationToken);
        var taskId = created["task_id"]!.GetValue<string>();
        var versions = await SendAsync(HttpMethod.Get, $"{TasksPath}/{taskId}/versions", null, cancellationToken);
        return (taskId, versions["versions"]![0]!["task_version_id"]!.GetValue<string>());
    }

    /// <summary>Polls the version until it ends; throws unless it completed.</summary>
    public async Task<JsonNode> WaitForCompletionAsync(string taskId, string versionId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var version = await SendAsync(HttpMethod.Get, $"{TasksPath}/{taskId}/versions/{versionId}", null, cancellationToken);
            var status = version["status"]!.GetValue<int>();
            if (status == 2)
            {
                return version;
            }

            if (status is 3 or 4 || clock.Elapsed > timeout)
            {
                throw new InvalidOperationException($"version {versionId} did not complete within {timeout}: {version.ToJsonString()}");
            }

            await Task.Delay(_pollInterval, cancellationToken);
        }
    }

    /// <summary>How long one GET took, from sending to the last byte of the body; throws unless it succeeded.</summary>
    public async Task<TimeSpan> TimeGetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var response = await _http.GetAsync(pathAndQuery, HttpCompletionOption.ResponseContentRead, cancellationToken);
        clock.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {pathAndQuery} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return clock.Elapsed;
    }

    public Task<JsonNode> GetAsync(string pathAndQuery, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, pathAndQuery, null, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var raw = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(raw)!
            : throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {raw}");
    }
}
