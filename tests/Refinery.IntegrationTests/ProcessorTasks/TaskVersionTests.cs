using System.Net;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.ProcessorTasks;

[Collection(ServerCollection.Name)]
public class TaskVersionTests(RefineryInstance server)
{
    [Fact]
    public async Task A_task_created_without_a_version_waits_in_status_0_until_one_is_created()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "version-later", Datasets.SmallFolder(server, "version-later"), "obs://imgs/out-version-later", taskType: "image_classification", createVersion: false));
        var task = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json;
        Assert.Equal(0, task["status"]!.GetValue<int>());
        Assert.Equal(0, task["version_count"]!.GetValue<int>());

        var created = await server.Client.PostAsync($"{server.Client.Tasks}/{taskId}/versions", """{ "name": "version-later" }""");

        Assert.Equal(HttpStatusCode.OK, created.Status);
        var versionId = created.Json["version_id"]!.GetValue<string>();
        var version = await server.Client.WaitForCompletionAsync(taskId, versionId);
        Assert.Equal("V001", version["version_name"]!.GetValue<string>());
        Assert.Equal("sys_data_validation", version["template"]!["id"]!.GetValue<string>());
        Assert.Equal($"/imgs/out-version-later/output/{versionId}/", version["work_path"]!["output_path"]!.GetValue<string>());
        var after = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json;
        Assert.Equal(2, after["status"]!.GetValue<int>());
        Assert.Equal(1, after["version_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_second_version_is_V002_and_inherits_what_it_omits()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "version-two", Datasets.SmallFolder(server, "version-two"), "obs://imgs/out-version-two", taskType: "image_classification"));
        await server.Client.WaitForCompletionAsync(taskId, await server.Client.LatestVersionIdAsync(taskId));

        var created = await server.Client.PostAsync($"{server.Client.Tasks}/{taskId}/versions", """{ "name": "version-two", "description": "again" }""");
        var versionId = created.Json["version_id"]!.GetValue<string>();
        var version = await server.Client.WaitForCompletionAsync(taskId, versionId);

        Assert.Equal("V002", version["version_name"]!.GetValue<string>());
        Assert.Equal("again", version["description"]!.GetValue<string>());
        Assert.Equal("obs://imgs/version-two", version["inputs"]![0]!["source"]!.GetValue<string>());
        Assert.Equal(3, version["origin_sample_count"]!.GetValue<int>());
        var list = await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}/versions?sort_by=version_name&order=asc");
        Assert.Equal(2, list.Json["count"]!.GetValue<int>());
        Assert.Equal(["V001", "V002"], list.Json["versions"]!.AsArray().Select(v => v!["version_name"]!.GetValue<string>()).ToArray());
        Assert.Equal(2, (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json["version_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Creating_a_version_of_an_unknown_task_is_404_and_a_bad_body_is_400()
    {
        var unknown = await server.Client.PostAsync($"{server.Client.Tasks}/AAAAAAAAAAAAAAAAAAA/versions", """{ "name": "x" }""");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("ModelArts.4700", unknown.ErrorCode);

        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "version-bad", Datasets.SmallFolder(server, "version-bad", 1), "obs://imgs/out-version-bad", createVersion: false));
        var noName = await server.Client.PostAsync($"{server.Client.Tasks}/{taskId}/versions", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, noName.Status);
        Assert.Equal("ModelArts.0101", noName.ErrorCode);
    }

    [Fact]
    public async Task An_unknown_version_is_404_4851()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "version-unknown", Datasets.SmallFolder(server, "version-unknown", 1), "obs://imgs/out-vu", createVersion: false));
        foreach (var path in new[] { "", "/results", "/stop" })
        {
            var response = path == "/stop"
                ? await server.Client.PostAsync($"{server.Client.Tasks}/{taskId}/versions/AAAAAAAAAAAAAAAAAAA{path}", null)
                : await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}/versions/AAAAAAAAAAAAAAAAAAA{path}");
            Assert.Equal(HttpStatusCode.NotFound, response.Status);
            Assert.Equal("ModelArts.4851", response.ErrorCode);
        }
    }

    [Fact]
    public async Task Results_page_with_count_and_has_more_and_filter_by_property()
    {
        var folder = "version-results";
        for (var index = 0; index < 5; index++)
        {
            server.WriteImage($"{folder}/good{index}.jpg", TestImages.Jpeg(40, 30, index + 1));
        }

        server.WriteImage($"{folder}/broken.jpg", TestImages.TruncatedJpeg(200, 150));
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "version-results", $"obs://imgs/{folder}", "obs://imgs/out-version-results", taskType: "image_classification"));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        await server.Client.WaitForCompletionAsync(taskId, versionId);
        var results = $"{server.Client.Tasks}/{taskId}/versions/{versionId}/results";

        var first = await server.Client.GetAsync($"{results}?offset=0&limit=4&result_property=-1");
        var last = await server.Client.GetAsync($"{results}?offset=4&limit=4");
        var deleted = await server.Client.GetAsync($"{results}?result_property=2");

        Assert.Equal(6, first.Json["count"]!.GetValue<int>());
        Assert.True(first.Json["has_more"]!.GetValue<bool>());
        Assert.Equal(4, first.Json["results"]!.AsArray().Count);
        Assert.False(last.Json["has_more"]!.GetValue<bool>());
        Assert.Equal(2, last.Json["results"]!.AsArray().Count);
        Assert.Equal(1, deleted.Json["count"]!.GetValue<int>());
        Assert.Equal("obs://imgs/version-results/broken.jpg", deleted.Json["results"]![0]!["origin_source"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await server.Client.GetAsync($"{results}?limit=101")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await server.Client.GetAsync($"{results}?result_property=7")).Status);
    }

    [Fact]
    public async Task Stopping_a_running_version_moves_it_to_4_within_5_seconds_and_publishes_nothing()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "version-stop", Datasets.SlowFolder(server, "version-stop", 300), "obs://imgs/out-version-stop", taskType: "image_classification", maxWidth: 800));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        await server.Client.WaitForVersionAsync(taskId, versionId, TimeSpan.FromSeconds(30), 1);
        var whileRunning = await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}/versions/{versionId}/results");
        Assert.Equal(HttpStatusCode.Forbidden, whileRunning.Status);
        Assert.Equal("ModelArts.4613", whileRunning.ErrorCode);
        var deleteWhileRunning = await server.Client.DeleteAsync($"{server.Client.Tasks}/{taskId}/versions/{versionId}");
        Assert.Equal(HttpStatusCode.Forbidden, deleteWhileRunning.Status);
        Assert.Equal("ModelArts.4850", deleteWhileRunning.ErrorCode);

        var stop = await server.Client.PostAsync($"{server.Client.Tasks}/{taskId}/versions/{versionId}/stop", null);

        // The stop takes effect in the request itself, whatever the workers are doing: no waiting, on any machine.
        Assert.Equal(HttpStatusCode.OK, stop.Status);
        Assert.Equal("{}", stop.Raw);
        Assert.Equal(4, (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}/versions/{versionId}")).Json["status"]!.GetValue<int>());
        Assert.Equal(4, (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json["status"]!.GetValue<int>());
        await server.WaitUntilJobsIdleAsync(TimeSpan.FromMinutes(1)); // workers that were mid-shard must not publish afterwards
        Assert.False(Directory.Exists(Path.Combine(server.ImagesDirectory, "out-version-stop", "output", versionId)), "a stopped version published output");
        Assert.Equal(4, (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}/versions/{versionId}")).Json["status"]!.GetValue<int>());

        var again = await server.Client.PostAsync($"{server.Client.Tasks}/{taskId}/versions/{versionId}/stop", null);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal("ModelArts.0101", again.ErrorCode);
        var deleted = await server.Client.DeleteAsync($"{server.Client.Tasks}/{taskId}/versions/{versionId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal("", deleted.Raw);
        Assert.Equal(0, (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json["version_count"]!.GetValue<int>());
    }
}
