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
        var (version, results, output) = await KillAndResumeAsync(
            TestImages.Jpeg(3000, 2000, 11),
            TaskBodies.Validation("crash", "obs://imgs/many", "obs://imgs/out", taskType: "image_classification", maxWidth: 1000, maxHeight: 1000));

        Assert.Equal(SampleCount, version["origin_sample_count"]!.GetValue<int>());
        Assert.Equal(SampleCount, version["modified_sample_count"]!.GetValue<int>());
        Assert.Equal(SampleCount, results.Count);
        Assert.Equal(SampleCount, results.Select(result => result["origin_source"]!.GetValue<string>()).Distinct().Count());
        var published = Directory.GetFiles(Path.Combine(output, "Data"));
        Assert.True(published.Length == SampleCount, $"{published.Length} files published: {string.Join(", ", published.Select(Path.GetFileName).Where(name => !name!.StartsWith("img", StringComparison.Ordinal)))}");
        Assert.Equal(SampleCount, File.ReadAllLines(Path.Combine(output, "output.manifest")).Select(line => JsonNode.Parse(line)!["source"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task An_augmentation_interrupted_by_SIGKILL_publishes_every_added_sample_once_after_restart()
    {
        const int Copies = 2 * SampleCount;
        var (version, results, output) = await KillAndResumeAsync(
            TestImages.Jpeg(800, 600, 12),
            TaskBodies.Augmentation("crash-aug", "obs://imgs/many", "obs://imgs/out", "image_classification", ("Flip", "\"do_validation\": \"False\""), ("AddNoise", "")));

        Assert.Equal((SampleCount, Copies), (version["origin_sample_count"]!.GetValue<int>(), version["add_sample_count"]!.GetValue<int>()));
        Assert.Equal(SampleCount + Copies, results.Count);
        Assert.Equal(SampleCount + Copies, results.Select(result => result["sample_id"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(SampleCount + Copies, results.Select(result => result["new_source"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(SampleCount + Copies, Directory.GetFiles(Path.Combine(output, "Data")).Length);
        var manifest = File.ReadAllLines(Path.Combine(output, "output.manifest")).Select(line => JsonNode.Parse(line)!["source"]!.GetValue<string>()).ToList();
        Assert.Equal(SampleCount + Copies, manifest.Distinct().Count());
        Assert.Equal(SampleCount + Copies, manifest.Count);
    }

    /// <summary>
    /// Writes <see cref="SampleCount"/> copies of <paramref name="image"/>, starts a run of <paramref name="taskBody"/>,
    /// kills the server once some samples are done, starts it again and waits for the run to complete.
    /// </summary>
    /// <returns>The completed version, its results, and its output folder (on disk).</returns>
    private async Task<(JsonNode Version, List<JsonNode> Results, string Output)> KillAndResumeAsync(byte[] image, string taskBody)
    {
        var images = Path.Combine(_root, "imgs");
        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(Path.Combine(images, "many"));
        for (var index = 0; index < SampleCount; index++)
        {
            File.WriteAllBytes(Path.Combine(images, "many", $"img{index:D4}.jpg"), image);
        }

        var port = ServeProcess.FreePort();
        string taskId, versionId;
        using (var first = await ServeProcess.StartAsync(data, port, $"imgs={images}"))
        {
            using var client = first.CreateClient(data);
            taskId = await client.CreateTaskAsync(taskBody);
            versionId = await client.LatestVersionIdAsync(taskId);
            var running = await client.WaitForProgressAsync(taskId, versionId);
            Assert.InRange(running, 1, SampleCount - 1);
            first.Kill();
        }

        using var second = await ServeProcess.StartAsync(data, port, $"imgs={images}");
        using var resumed = second.CreateClient(data);
        var version = await resumed.WaitForCompletionAsync(taskId, versionId);
        var results = await resumed.AllResultsAsync(taskId, versionId);
        return (version, results, Path.Combine(images, "out", "output", versionId));
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
