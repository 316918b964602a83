using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Conformance;

/// <summary>What a client polling a running or stopped version sees.</summary>
[Collection(ServerCollection.Name)]
public sealed class LiveStateTests(RefineryInstance server)
{
    [Fact]
    public async Task A_running_tasks_duration_counts_up_with_its_versions()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "live-duration", Datasets.SlowFolder(server, "live-duration", 120), "obs://imgs/out-live-duration", maxWidth: 800));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        try
        {
            // No timing is asserted: the version is polled until its own duration is past 0, then the task must not lag it.
            var version = await server.Client.WaitForVersionAsync(taskId, versionId, TimeSpan.FromMinutes(2), 1);
            while (version["duration_seconds"]!.GetValue<int>() == 0 && version["status"]!.GetValue<int>() == 1)
            {
                await Task.Delay(100);
                version = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}/versions/{versionId}")).Json;
            }

            var task = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json;

            Assert.Equal(1, version["status"]!.GetValue<int>());
            Assert.True(task["duration_seconds"]!.GetValue<int>() >= version["duration_seconds"]!.GetValue<int>(), task.ToJsonString());
        }
        finally
        {
            await server.Client.PostAsync($"{server.Client.Tasks}/{taskId}/versions/{versionId}/stop", null);
        }
    }

    [Fact]
    public async Task A_stopped_version_advertises_no_output_path()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "live-stopped", Datasets.SlowFolder(server, "live-stopped", 120), "obs://imgs/out-live-stopped", maxWidth: 800));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);

        await server.Client.PostAsync($"{server.Client.Tasks}/{taskId}/versions/{versionId}/stop", null);
        var stopped = await server.Client.WaitForVersionAsync(taskId, versionId, TimeSpan.FromMinutes(1), 4);

        Assert.Equal("obs://imgs/out-live-stopped", stopped["work_path"]!["path"]!.GetValue<string>());
        Assert.Null(stopped["work_path"]!["output_path"]);
        Assert.False(Directory.Exists(Path.Combine(server.ImagesDirectory, "out-live-stopped", "output", versionId)));
    }
}
