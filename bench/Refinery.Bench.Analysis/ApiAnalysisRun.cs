using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Refinery.Bench.Analysis;

/// <summary>What one analysis through the API took, end to end and per engine stage.</summary>
/// <param name="Wall">From just before <c>POST processor-tasks</c> to the first poll that saw the version completed.</param>
/// <param name="Stages">From the catalog's own timestamps (ms): queued, plan + map, reduce + store.</param>
/// <param name="PeakRssKib">VmHWM of the server process after the version completed.</param>
public sealed record ApiAnalysisResult(
    int Images, TimeSpan Wall, StageTimes Stages, long PeakRssKib, long RssAfterKib, int ShardCount, JsonNode Result, IReadOnlyList<RssSample> Trace)
{
    public double ImagesPerSecond => Images / Wall.TotalSeconds;
}

/// <summary>One reading of the server during a run: seconds since the POST, the version's progress and status, VmRSS.</summary>
/// <param name="Stage">"plan" before the version has a total, "map" while processed &lt; total, "reduce" after.</param>
public sealed record RssSample(double Seconds, int Processed, int? Total, int Status, string Stage, long RssKib);

/// <summary>
/// Stage boundaries of one version, read from the catalog: created → started (queue), started → last shard done
/// (plan and map), last shard done → ended (reduce: the two analysis passes over the shard files, then storing
/// the per-sample results). The first shard's completion shows how long planning plus one shard took.
/// </summary>
public sealed record StageTimes(long QueuedMs, long FirstShardMs, long PlanAndMapMs, long ReduceMs);

/// <summary>Figure (b): creates a <c>sys_data_analyse</c> task over an OBS folder and polls its version until it ends.</summary>
public static class ApiAnalysisRun
{
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan _traceInterval = TimeSpan.FromSeconds(1);

    public static async Task<ApiAnalysisResult> RunAsync(ServeChild server, string source, int images, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (projectId, token) = server.Credentials();
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Auth-Token", token);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var tasks = $"/v2/{projectId}/processor-tasks";

        // The body the ModelArts console sends for feature analysis of a folder (tests' TaskBodies.Analysis).
        var body = $$"""
            {
              "name": "bench-analysis-{{images}}", "description": "",
              "data_source": { "type": "OBS", "source": "{{source}}" },
              "template": { "id": "sys_data_analyse",
                "operator_params": [ { "id": "sys_data_analyse", "params": { "op_list": [], "is_normed": false } } ] }
            }
            """;
        var clock = Stopwatch.StartNew();
        var created = await SendAsync(http, HttpMethod.Post, tasks, body, cancellationToken);
        var taskId = created["task_id"]!.GetValue<string>();
        var versions = await SendAsync(http, HttpMethod.Get, $"{tasks}/{taskId}/versions", null, cancellationToken);
        var versionId = versions["versions"]![0]!["task_version_id"]!.GetValue<string>();
        JsonNode version;
        var trace = new List<RssSample>();
        var nextTrace = TimeSpan.Zero;
        while (true)
        {
            version = await SendAsync(http, HttpMethod.Get, $"{tasks}/{taskId}/versions/{versionId}", null, cancellationToken);
            if (clock.Elapsed >= nextTrace || version["progress"]?["processed"]?.GetValue<int>() == version["progress"]?["total"]?.GetValue<int?>())
            {
                // every poll (100 ms) during the reduce, which takes seconds
                trace.Add(Reading(server, version, clock.Elapsed));
                nextTrace = clock.Elapsed + _traceInterval;
            }

            if (version["status"]!.GetValue<int>() is 2 or 3 or 4)
            {
                break;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"version {versionId} did not end within {timeout}: {version.ToJsonString()}");
            }

            await Task.Delay(_pollInterval, cancellationToken);
        }

        clock.Stop();
        if (version["status"]!.GetValue<int>() != 2)
        {
            throw new InvalidOperationException($"version {versionId} did not complete: {version.ToJsonString()}");
        }

        var peak = server.StatusKib("VmHWM");
        var now = server.StatusKib("VmRSS");
        trace.Add(Reading(server, version, clock.Elapsed));
        var task = await SendAsync(http, HttpMethod.Get, $"{tasks}/{taskId}", null, cancellationToken);
        var (stages, shards) = ReadStages(Path.Combine(server.DataDirectory, "catalog.db"), versionId);
        return new ApiAnalysisResult(images, clock.Elapsed, stages, peak, now, shards, task["result"]!, trace);
    }

    private static RssSample Reading(ServeChild server, JsonNode version, TimeSpan elapsed)
    {
        var progress = version["progress"];
        var processed = progress?["processed"]?.GetValue<int>() ?? 0;
        var total = progress?["total"]?.GetValue<int?>();
        var status = version["status"]!.GetValue<int>();
        var stage = status is 2 or 3 or 4 ? "ended" : total is null ? "plan" : processed < total ? "map" : "reduce";
        return new RssSample(elapsed.TotalSeconds, processed, total, status, stage, server.StatusKib("VmRSS"));
    }

    private static async Task<JsonNode> SendAsync(HttpClient http, HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var raw = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {raw}");
        }

        return JsonNode.Parse(raw)!;
    }

    private static (StageTimes Stages, int Shards) ReadStages(string catalogPath, string versionId)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = catalogPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT v.CreateTime, v.StartTime, v.EndTime, v.ShardCount, MIN(s.CompletedAt), MAX(s.CompletedAt)
            FROM task_versions v JOIN shards s ON s.VersionId = v.VersionId
            WHERE v.VersionId = $id GROUP BY v.VersionId
            """;
        command.Parameters.AddWithValue("$id", versionId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException($"version {versionId} has no shards in the catalog");
        }

        long created = reader.GetInt64(0), started = reader.GetInt64(1), ended = reader.GetInt64(2);
        long firstShard = reader.GetInt64(4), lastShard = reader.GetInt64(5);
        return (new StageTimes(started - created, firstShard - started, lastShard - started, ended - lastShard), reader.GetInt32(3));
    }
}
