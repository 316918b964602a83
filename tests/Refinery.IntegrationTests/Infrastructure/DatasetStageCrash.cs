using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>
/// A real <c>refinery serve</c> killed (SIGKILL) after every shard of a run's first pass is mapped — while its dataset
/// stage decides or its output is published — and started again on the same data directory. Owns a temporary home:
/// the data directory and a bucket <c>imgs</c> whose <c>many/</c> folder the test fills.
/// </summary>
public sealed class DatasetStageCrash(ITestOutputHelper log) : IDisposable
{
    private const int Attempts = 5;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "refinery-stage-crash-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = ServeProcess.FreePort();

    public string ImagesDirectory => Path.Combine(_root, "imgs");

    public string DataDirectory => Path.Combine(_root, "data");

    /// <summary>The input folder, <c>obs://imgs/many</c>.</summary>
    public string InputFolder => Path.Combine(ImagesDirectory, "many");

    public const string InputPath = "obs://imgs/many";

    /// <summary>
    /// Starts the server, creates the task <paramref name="taskBody"/> gives for the attempt (its work path must be
    /// <c>obs://imgs/out&lt;attempt&gt;</c>), and kills the server once the first pass's <paramref name="sampleCount"/>
    /// samples are processed. A kill that came too late (the version had completed) is tried again with a new task.
    /// </summary>
    /// <returns>The killed run, its version still running with every shard of its pass mapped.</returns>
    public async Task<KilledRun> KillAfterMappingAsync(int sampleCount, Func<int, string> taskBody)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            using var serve = await ServeProcess.StartAsync(DataDirectory, _port, $"imgs={ImagesDirectory}");
            using var client = serve.CreateClient(DataDirectory);
            var taskId = await client.CreateTaskAsync(taskBody(attempt));
            var versionId = await client.LatestVersionIdAsync(taskId);

            await WaitUntilMappedAsync(client, taskId, versionId, sampleCount);
            serve.Kill();
            // The catalog as the killed process left it: running with every shard mapped means it died in the reduce.
            var inTime = RunningWithEveryShardDone(versionId);
            log.WriteLine($"attempt {attempt}: killed {(inTime ? "between the map pass and completion" : "too late")}");
            if (inTime)
            {
                return new KilledRun(taskId, versionId, Path.Combine(ImagesDirectory, $"out{attempt}", "output", versionId));
            }
        }

        throw new Xunit.Sdk.XunitException($"none of {Attempts} kills landed between the map pass and completion");
    }

    /// <summary>The server started again on the same data directory and port.</summary>
    public Task<ServeProcess> RestartAsync() => ServeProcess.StartAsync(DataDirectory, _port, $"imgs={ImagesDirectory}");

    /// <summary>
    /// Asserts the resumed version counted every sample once, has exactly one result per sample, and published each kept
    /// sample exactly once in <c>Data/</c> and <c>output.manifest</c>; returns its results by input file name.
    /// </summary>
    public static async Task<Dictionary<string, JsonNode>> AssertEverySampleOnceAsync(
        RefineryApiClient client, KilledRun run, JsonNode version, int sampleCount)
    {
        var results = await client.AllResultsAsync(run.TaskId, run.VersionId);
        var byName = results.ToDictionary(result => Path.GetFileName(result["origin_source"]!.GetValue<string>()));
        var kept = VersionOutput.Kept(byName);

        Assert.Equal(sampleCount, version["origin_sample_count"]!.GetValue<int>());
        Assert.Equal(sampleCount - kept.Length, version["deleted_sample_count"]!.GetValue<int>());
        Assert.Equal(sampleCount, results.Count);
        Assert.Equal(sampleCount, byName.Count);
        Assert.Equal(kept, VersionOutput.PublishedFiles(run.OutputDirectory));
        var manifest = VersionOutput.ManifestLines(run.OutputDirectory).Select(line => Path.GetFileName(line["source"]!.GetValue<string>())).Order(StringComparer.Ordinal);
        Assert.Equal(kept, manifest);
        return byName;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    /// <summary>Waits until every sample of the first pass is processed (the last shard is marked done) while the version still runs.</summary>
    private static async Task WaitUntilMappedAsync(RefineryApiClient client, string taskId, string versionId, int sampleCount)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var version = (await client.GetAsync($"{client.Tasks}/{taskId}/versions/{versionId}")).Json;
            if (version["progress"]!["processed"]!.GetValue<int>() == sampleCount || version["status"]!.GetValue<int>() >= 2)
            {
                return;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("the map pass did not finish within 3 minutes");
    }

    private bool RunningWithEveryShardDone(string versionId)
    {
        using var catalog = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "catalog.db")};Pooling=False");
        catalog.Open();
        using var query = catalog.CreateCommand();
        query.CommandText = """
            SELECT v.Status = 1 AND NOT EXISTS (SELECT 1 FROM shards s WHERE s.VersionId = v.VersionId AND NOT s.Done)
            FROM task_versions v WHERE v.VersionId = $id
            """;
        query.Parameters.AddWithValue("$id", versionId);
        return Convert.ToInt64(query.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
    }
}
