using System.Diagnostics;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Engine;

/// <summary>A version that fails or stops tells the user why in plain words and leaves no staging behind.</summary>
[Collection(ServerCollection.Name)]
public sealed class EndedVersionTests(RefineryInstance server)
{
    [Fact]
    public async Task A_publish_failing_on_the_file_system_gives_an_error_msg_without_server_paths_and_clears_staging()
    {
        var input = Datasets.SmallFolder(server, "fail-publish", 2);
        Directory.CreateDirectory(Path.Combine(server.ImagesDirectory, "out-fail-publish"));
        File.WriteAllText(Path.Combine(server.ImagesDirectory, "out-fail-publish", "output"), "a file where the output folder must go");
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation("fail-publish", input, "obs://imgs/out-fail-publish", taskType: "image_classification"));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);

        var version = await server.Client.WaitForVersionAsync(taskId, versionId, TimeSpan.FromMinutes(2), 2, 3, 4);

        Assert.Equal(3, version["status"]!.GetValue<int>());
        var message = version["error_msg"]!.GetValue<string>();
        Assert.StartsWith("The version failed while publishing: ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp", message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.ImagesDirectory, message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
        await WaitUntilAsync(() => !Directory.Exists(StagingOf(versionId)), "a failed version kept its staging");
    }

    [Fact]
    public async Task A_stopped_version_leaves_no_staging_once_its_workers_have_let_go()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "stop-staging", Datasets.SlowFolder(server, "stop-staging", 120), "obs://imgs/out-stop-staging", taskType: "image_classification", maxWidth: 800));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        await server.Client.WaitForVersionAsync(taskId, versionId, TimeSpan.FromSeconds(30), 1);
        await WaitUntilAsync(() => Directory.Exists(StagingOf(versionId)), "the version never staged anything");

        await server.Client.PostAsync($"{server.Client.Tasks}/{taskId}/versions/{versionId}/stop", null);

        await server.Client.WaitForVersionAsync(taskId, versionId, TimeSpan.FromSeconds(10), 4);
        await WaitUntilAsync(() => !Directory.Exists(StagingOf(versionId)), "a stopped version kept its staging");
    }

    private string StagingOf(string versionId) => Path.Combine(server.DataDirectory, "staging", versionId);

    /// <summary>
    /// Polls a condition that background work makes true (staging goes just after the status changes); the bound is
    /// only there so that a regression fails instead of hanging.
    /// </summary>
    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), failure);
            await Task.Delay(50);
        }
    }
}
