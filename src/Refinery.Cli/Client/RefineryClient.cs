using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Refinery.Cli.Client;

/// <summary>
/// The ModelArts processor-task and dataset API of one project, over HTTP with a token. Answers are returned as
/// JSON trees (the CLI prints some fields and passes <c>--json</c> through whole); a refusal is thrown as a
/// <see cref="RefineryApiException"/> carrying its ModelArts code.
/// </summary>
public sealed class RefineryClient : IDisposable
{
    // Longer than any request the server answers in normal work, short enough that a hung server does not hang a script.
    private static readonly TimeSpan _requestTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly string _projectPath;

    public RefineryClient(Connection connection)
    {
        _http = new HttpClient { BaseAddress = connection.Endpoint, Timeout = _requestTimeout };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.Add("X-Auth-Token", connection.Token);
        _projectPath = $"v2/{Uri.EscapeDataString(connection.ProjectId)}";
    }

    public Task<JsonNode> CreateTaskAsync(string body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "processor-tasks", body, cancellationToken);

    public Task<JsonNode> ListTasksAsync(int offset, int limit, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"processor-tasks?offset={offset}&limit={limit}&return_result=false", null, cancellationToken);

    public Task<JsonNode> GetTaskAsync(string taskId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, TaskPath(taskId), null, cancellationToken);

    public Task<JsonNode> DeleteTaskAsync(string taskId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, TaskPath(taskId), null, cancellationToken);

    public Task<JsonNode> ListVersionsAsync(string taskId, int offset, int limit, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"{TaskPath(taskId)}/versions?offset={offset}&limit={limit}&sort_by=create_time&order=desc", null, cancellationToken);

    public Task<JsonNode> GetVersionAsync(string taskId, string versionId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, VersionPath(taskId, versionId), null, cancellationToken);

    public Task<JsonNode> StopVersionAsync(string taskId, string versionId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"{VersionPath(taskId, versionId)}/stop", "{}", cancellationToken);

    public Task<JsonNode> ListResultsAsync(string taskId, string versionId, int? resultProperty, int offset, int limit, CancellationToken cancellationToken)
    {
        var property = resultProperty is { } value ? $"&result_property={value}" : "";
        return SendAsync(HttpMethod.Get, $"{VersionPath(taskId, versionId)}/results?offset={offset}&limit={limit}{property}", null, cancellationToken);
    }

    public Task<JsonNode> ListDatasetsAsync(int offset, int limit, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"datasets?offset={offset}&limit={limit}", null, cancellationToken);

    public Task<JsonNode> GetDatasetAsync(string datasetId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"datasets/{Uri.EscapeDataString(datasetId)}", null, cancellationToken);

    /// <summary>The newest version of a task: the one a command means when it is given no <c>--version</c>.</summary>
    public async Task<string> LatestVersionIdAsync(string taskId, CancellationToken cancellationToken)
    {
        var versions = await ListVersionsAsync(taskId, offset: 0, limit: 1, cancellationToken);
        return versions["versions"]?.AsArray().FirstOrDefault()?["task_version_id"]?.GetValue<string>()
            ?? throw new RefineryApiException(404, "ModelArts.4851", $"Processor task {taskId} has no version yet.");
    }

    public void Dispose() => _http.Dispose();

    private static string TaskPath(string taskId) => $"processor-tasks/{Uri.EscapeDataString(taskId)}";

    private static string VersionPath(string taskId, string versionId) => $"{TaskPath(taskId)}/versions/{Uri.EscapeDataString(versionId)}";

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, $"{_projectPath}/{path}");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = TryParse(text);
        if (!response.IsSuccessStatusCode)
        {
            throw json?["error_code"] is JsonValue code && json["error_msg"] is JsonValue message
                ? new RefineryApiException((int)response.StatusCode, code.ToString(), message.ToString())
                : new RefineryApiException((int)response.StatusCode, $"HTTP {(int)response.StatusCode}", Abbreviate(text));
        }

        // Some answers (a deletion) may have no body; the commands treat that as an empty object.
        return json ?? new JsonObject();
    }

    private static JsonNode? TryParse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Abbreviate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
