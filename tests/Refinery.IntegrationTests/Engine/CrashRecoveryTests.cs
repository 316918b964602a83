using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Engine;

/// <summary>Killing the server mid-run and starting it again finishes the run with every sample exactly once.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    // Three shards of 200 on two workers (ServeProcess starts serve with --workers 2): the third starts when one of
    // the first two is done, so there is a moment when some but not all samples are processed.
    private const int SampleCount = 600;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "refinery-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_version_interrupted_by_SIGKILL_completes_after_restart_with_every_sample_once()
    {
        var images = Path.Combine(_root, "imgs");
        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(Path.Combine(images, "many"));
        var image = TestImages.Jpeg(3000, 2000, 11);
        for (var index = 0; index < SampleCount; index++)
        {
            File.WriteAllBytes(Path.Combine(images, "many", $"img{index:D4}.jpg"), image);
        }

        var port = ServeProcess.FreePort();
        string taskId, versionId;
        using (var first = await ServeProcess.StartAsync(data, port, $"imgs={images}"))
        {
            using var client = first.CreateClient(data);
            taskId = await client.CreateTaskAsync(TaskBodies.Validation(
                "crash", "obs://imgs/many", "obs://imgs/out", taskType: "image_classification", maxWidth: 1000, maxHeight: 1000));
            versionId = await client.LatestVersionIdAsync(taskId);
            var running = await client.WaitForProgressAsync(taskId, versionId);
            Assert.InRange(running, 1, SampleCount - 1);
            first.Kill();
        }

        using var second = await ServeProcess.StartAsync(data, port, $"imgs={images}");
        using var resumed = second.CreateClient(data);
        var version = await resumed.WaitForCompletionAsync(taskId, versionId);
        var results = await resumed.AllResultsAsync(taskId, versionId);

        Assert.Equal(SampleCount, version["origin_sample_count"]!.GetValue<int>());
        Assert.Equal(SampleCount, version["modified_sample_count"]!.GetValue<int>());
        Assert.Equal(SampleCount, results.Count);
        Assert.Equal(SampleCount, results.Select(result => result["origin_source"]!.GetValue<string>()).Distinct().Count());
        var output = Path.Combine(images, "out", "output", versionId);
        var published = Directory.GetFiles(Path.Combine(output, "Data"));
        Assert.True(published.Length == SampleCount, $"{published.Length} files published: {string.Join(", ", published.Select(Path.GetFileName).Where(name => !name!.StartsWith("img", StringComparison.Ordinal)))}");
        Assert.Equal(SampleCount, File.ReadAllLines(Path.Combine(output, "output.manifest")).Select(line => JsonNode.Parse(line)!["source"]!.GetValue<string>()).Distinct().Count());
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
}
