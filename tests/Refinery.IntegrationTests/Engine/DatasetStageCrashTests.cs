using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Refinery.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Refinery.IntegrationTests.Engine;

/// <summary>
/// Killing the server after every shard of a cleaning run is mapped — while its dataset stage decides or its output is
/// published — and starting it again gives the same kept set, every sample exactly once.
/// </summary>
public sealed class DatasetStageCrashTests(ITestOutputHelper log) : IDisposable
{
    private const int NormalCount = 400;
    private const int DarkCount = 100;
    private const int Attempts = 5;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "refinery-stage-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_cleaning_run_killed_after_its_map_pass_completes_after_restart_with_the_same_kept_set_once()
    {
        var images = Path.Combine(_root, "imgs");
        var data = Path.Combine(_root, "data");
        WriteImages(Path.Combine(images, "many"));
        var port = ServeProcess.FreePort();
        string? taskId = null, versionId = null, outputFolder = null;
        var killedBeforeCompletion = false;
        for (var attempt = 0; attempt < Attempts && !killedBeforeCompletion; attempt++)
        {
            using var serve = await ServeProcess.StartAsync(data, port, $"imgs={images}");
            using var client = serve.CreateClient(data);
            // A kill that came too late (the version had completed) is tried again with a new task.
            taskId = await client.CreateTaskAsync(TaskBodies.QualityFilter($"stage-crash-{attempt}", "obs://imgs/many", $"obs://imgs/out{attempt}", "\"do_validation\": \"False\""));
            versionId = await client.LatestVersionIdAsync(taskId);
            outputFolder = $"out{attempt}";

            await WaitUntilMappedAsync(client, taskId, versionId!);
            serve.Kill();
            // The catalog as the killed process left it: running with every shard mapped means it died in the reduce.
            killedBeforeCompletion = RunningWithEveryShardDone(data, versionId!);
            log.WriteLine($"attempt {attempt}: killed {(killedBeforeCompletion ? "between the map pass and completion" : "too late")}");
        }

        Assert.True(killedBeforeCompletion, $"none of {Attempts} kills landed between the map pass and completion");
        using var second = await ServeProcess.StartAsync(data, port, $"imgs={images}");
        using var resumed = second.CreateClient(data);
        var version = await resumed.WaitForCompletionAsync(taskId!, versionId!);
        var results = await resumed.AllResultsAsync(taskId!, versionId!);

        Assert.Equal(NormalCount + DarkCount, version["origin_sample_count"]!.GetValue<int>());
        Assert.Equal(DarkCount, version["deleted_sample_count"]!.GetValue<int>());
        Assert.Equal(NormalCount + DarkCount, results.Select(result => result["origin_source"]!.GetValue<string>()).Distinct().Count());
        Assert.All(
            results.Where(result => result["result_property"]!.GetValue<int>() == 2),
            result => Assert.StartsWith("dark", Path.GetFileName(result["origin_source"]!.GetValue<string>()), StringComparison.Ordinal));
        var output = Path.Combine(images, outputFolder!, "output", versionId!);
        var published = Directory.GetFiles(Path.Combine(output, "Data")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Enumerable.Range(0, NormalCount).Select(index => $"normal{index:D4}.jpg").ToArray(), published);
        var manifest = File.ReadAllLines(Path.Combine(output, "output.manifest")).Select(line => JsonNode.Parse(line)!["source"]!.GetValue<string>()).ToList();
        Assert.Equal(NormalCount, manifest.Distinct().Count());
        Assert.Equal(NormalCount, manifest.Count);
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

    private static void WriteImages(string folder)
    {
        // Each from its own seed: copies would be removed as duplicates of the first.
        Directory.CreateDirectory(folder);
        for (var index = 0; index < NormalCount; index++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"normal{index:D4}.jpg"), QualityImages.Normal(index + 1));
        }

        for (var index = 0; index < DarkCount; index++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"dark{index:D4}.png"), QualityImages.Dark(NormalCount + index + 1));
        }
    }

    /// <summary>Waits until every sample of the first pass is processed (the last shard is marked done) while the version still runs.</summary>
    private static async Task WaitUntilMappedAsync(RefineryApiClient client, string taskId, string versionId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var version = (await client.GetAsync($"{client.Tasks}/{taskId}/versions/{versionId}")).Json;
            if (version["progress"]!["processed"]!.GetValue<int>() == NormalCount + DarkCount || version["status"]!.GetValue<int>() >= 2)
            {
                return;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("the map pass did not finish within 3 minutes");
    }

    private static bool RunningWithEveryShardDone(string data, string versionId)
    {
        using (var catalog = new SqliteConnection($"Data Source={Path.Combine(data, "catalog.db")};Pooling=False"))
        {
            catalog.Open();
            using var query = catalog.CreateCommand();
            query.CommandText = """
                SELECT v.Status = 1 AND NOT EXISTS (SELECT 1 FROM shards s WHERE s.VersionId = v.VersionId AND NOT s.Done)
                FROM task_versions v WHERE v.VersionId = $id
                """;
            query.Parameters.AddWithValue("$id", versionId);
            return Convert.ToInt64(query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
    }
}
