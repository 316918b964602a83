using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.ProcessorTasks;

[Collection(ServerCollection.Name)]
public class TaskQueryTests(RefineryInstance server)
{
    /// <summary>The field set of DescribeProcessorTask in the seed document, with the JSON type of each.</summary>
    private static readonly Dictionary<string, JsonValueKind> _seedFields = new()
    {
        ["create_time"] = JsonValueKind.Number,
        ["data_source"] = JsonValueKind.Object,
        ["description"] = JsonValueKind.String,
        ["duration_seconds"] = JsonValueKind.Number,
        ["error_msg"] = JsonValueKind.String,
        ["inputs"] = JsonValueKind.Array,
        ["is_current"] = JsonValueKind.True,
        ["name"] = JsonValueKind.String,
        ["result"] = JsonValueKind.Object,
        ["status"] = JsonValueKind.Number,
        ["task_id"] = JsonValueKind.String,
        ["template"] = JsonValueKind.Object,
        ["version_count"] = JsonValueKind.Number,
        ["version_id"] = JsonValueKind.String,
        ["version_name"] = JsonValueKind.String,
        ["work_path"] = JsonValueKind.Object,
        ["workspace_id"] = JsonValueKind.String,
    };

    [Fact]
    public async Task A_task_has_exactly_the_seed_documents_fields_with_their_types()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "query-fields", Datasets.SmallFolder(server, "query-fields"), "obs://imgs/out-query-fields"));
        await server.Client.WaitForCompletionAsync(taskId, await server.Client.LatestVersionIdAsync(taskId));

        var task = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json.AsObject();

        foreach (var (name, value) in task)
        {
            Assert.True(_seedFields.TryGetValue(name, out var kind), $"field {name} is not in the seed document");
            var actual = value!.GetValueKind();
            Assert.True(actual == kind || (kind == JsonValueKind.True && actual == JsonValueKind.False), $"{name} is {actual}, expected {kind}");
        }

        foreach (var required in new[] { "task_id", "name", "inputs", "template", "status", "create_time", "duration_seconds", "version_count", "is_current", "workspace_id", "work_path" })
        {
            Assert.True(task.ContainsKey(required), $"field {required} is missing");
        }

        Assert.Equal(taskId, task["task_id"]!.GetValue<string>());
        Assert.Equal(2, task["status"]!.GetValue<int>());
        Assert.Equal(1, task["version_count"]!.GetValue<int>());
        Assert.Equal("0", task["workspace_id"]!.GetValue<string>());
        Assert.False(task.ContainsKey("error_msg"));
        Assert.False(task.ContainsKey("result")); // only analysis tasks have a result
    }

    [Fact]
    public async Task An_unknown_task_is_404_4700()
    {
        var response = await server.Client.GetAsync($"{server.Client.Tasks}/AAAAAAAAAAAAAAAAAAA");
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("ModelArts.4700", response.ErrorCode);
    }

    [Fact]
    public async Task Listing_pages_by_record_offset_and_counts_every_match()
    {
        var input = Datasets.SmallFolder(server, "query-list", 1);
        for (var index = 0; index < 3; index++)
        {
            await server.Client.CreateTaskAsync(TaskBodies.Validation($"query-list-{index}", input, $"obs://imgs/out-query-list-{index}", createVersion: false));
        }

        var first = await server.Client.GetAsync($"{server.Client.Tasks}?task_name=query-list-&limit=2&sort_by=name&order=asc");
        var second = await server.Client.GetAsync($"{server.Client.Tasks}?task_name=query-list-&limit=2&offset=2&sort_by=name&order=asc");

        Assert.Equal(3, first.Json["count"]!.GetValue<int>());
        Assert.Equal(["query-list-0", "query-list-1"], Names(first.Json));
        Assert.Equal(["query-list-2"], Names(second.Json));
    }

    [Fact]
    public async Task Listing_filters_by_status_template_and_source()
    {
        var input = Datasets.SmallFolder(server, "query-filter", 1);
        await server.Client.CreateTaskAsync(TaskBodies.Validation("query-filter-idle", input, "obs://imgs/out-query-filter", createVersion: false));

        var idle = await server.Client.GetAsync($"{server.Client.Tasks}?status=0&task_type=sys_data_validation&source_type=OBS&source={Uri.EscapeDataString(input)}");

        Assert.Equal(["query-filter-idle"], Names(idle.Json));
        var analyses = await server.Client.GetAsync($"{server.Client.Tasks}?task_type=sys_data_analyse&task_name=query-filter");
        Assert.Equal(0, analyses.Json["count"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("order=up", "order")]
    [InlineData("sort_by=size", "sort_by")]
    [InlineData("status=9", "status")]
    [InlineData("task_type=sys_x", "task_type")]
    [InlineData("query_current=maybe", "query_current")]
    public async Task An_out_of_range_list_parameter_is_400_0101(string query, string parameter)
    {
        var response = await server.Client.GetAsync($"{server.Client.Tasks}?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.0101", response.ErrorCode);
        Assert.Contains(parameter, response.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_newest_task_over_the_same_input_is_current()
    {
        var input = Datasets.SmallFolder(server, "query-current", 1);
        var older = await server.Client.CreateTaskAsync(TaskBodies.Validation("query-current-a", input, "obs://imgs/out-qc", createVersion: false));
        var newer = await server.Client.CreateTaskAsync(TaskBodies.Validation("query-current-b", input, "obs://imgs/out-qc", createVersion: false));

        Assert.False((await server.Client.GetAsync($"{server.Client.Tasks}/{older}")).Json["is_current"]!.GetValue<bool>());
        Assert.True((await server.Client.GetAsync($"{server.Client.Tasks}/{newer}")).Json["is_current"]!.GetValue<bool>());
        var current = await server.Client.GetAsync($"{server.Client.Tasks}?task_name=query-current&query_current=true");
        Assert.Equal(["query-current-b"], Names(current.Json));
    }

    [Fact]
    public async Task Every_page_of_a_sorted_list_holds_its_tasks_whole_in_order_with_their_current_flags()
    {
        // The list picks a page by sort keys and ids, then reads those tasks: each page must still hold the full
        // tasks, in the sort's order, each with its own is_current.
        var input = Datasets.SmallFolder(server, "query-pages", 1);
        var otherInput = Datasets.SmallFolder(server, "query-pages-other", 1);
        var created = new List<string>();
        for (var index = 0; index < 5; index++)
        {
            created.Add(await server.Client.CreateTaskAsync(TaskBodies.Validation($"query-pages-{index}", index % 2 == 0 ? input : otherInput, "obs://imgs/out-qp", createVersion: false)));
        }

        var pages = new List<JsonNode>();
        for (var offset = 0; offset < 5; offset += 2)
        {
            pages.Add((await server.Client.GetAsync($"{server.Client.Tasks}?task_name=query-pages-&limit=2&offset={offset}&sort_by=name&order=asc")).Json);
        }

        var tasks = pages.SelectMany(page => page["tasks"]!.AsArray()).ToList();
        Assert.All(pages, page => Assert.Equal(5, page["count"]!.GetValue<int>()));
        Assert.Equal(created, tasks.Select(task => task!["task_id"]!.GetValue<string>()));
        // The last task over each input (indices 3 and 4) is current, the older ones are not.
        Assert.Equal([false, false, false, true, true], tasks.Select(task => task!["is_current"]!.GetValue<bool>()));
        Assert.All(tasks, task => Assert.Equal("sys_data_validation", task!["template"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Updating_changes_only_the_description()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "query-update", Datasets.SmallFolder(server, "query-update", 1), "obs://imgs/out-query-update", createVersion: false));

        var response = await server.Client.PutAsync($"{server.Client.Tasks}/{taskId}", """{ "description": "test" }""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("{}", response.Raw);
        var task = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json;
        Assert.Equal("test", task["description"]!.GetValue<string>());
        Assert.Equal("query-update", task["name"]!.GetValue<string>());
    }

    // The task detail is read through connections kept open with the statement prepared; these check that a
    // connection that has already served the task sees the writes committed since.
    [Fact]
    public async Task A_task_read_again_after_its_description_changes_shows_the_new_description()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "query-reread-update", Datasets.SmallFolder(server, "query-reread-update", 1), "obs://imgs/out-qru", createVersion: false));
        await ReadTaskSeveralTimesAsync(taskId);

        await server.Client.PutAsync($"{server.Client.Tasks}/{taskId}", """{ "description": "changed" }""");

        for (var read = 0; read < 8; read++)
        {
            Assert.Equal("changed", (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json["description"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_task_read_again_after_its_version_completes_shows_the_completed_version()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "query-reread-version", Datasets.SmallFolder(server, "query-reread-version", 1), "obs://imgs/out-qrv", createVersion: false));
        await ReadTaskSeveralTimesAsync(taskId);

        var created = await server.Client.PostAsync($"{server.Client.Tasks}/{taskId}/versions", """{ "name": "query-reread-version" }""");
        await server.Client.WaitForCompletionAsync(taskId, created.Json["version_id"]!.GetValue<string>());

        for (var read = 0; read < 8; read++)
        {
            var task = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json;
            Assert.Equal(2, task["status"]!.GetValue<int>());
            Assert.Equal(1, task["version_count"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task A_task_read_again_after_a_newer_task_over_its_input_is_no_longer_current()
    {
        var input = Datasets.SmallFolder(server, "query-reread-current", 1);
        var older = await server.Client.CreateTaskAsync(TaskBodies.Validation("query-reread-current-a", input, "obs://imgs/out-qrc", createVersion: false));
        await ReadTaskSeveralTimesAsync(older);

        await server.Client.CreateTaskAsync(TaskBodies.Validation("query-reread-current-b", input, "obs://imgs/out-qrc", createVersion: false));

        for (var read = 0; read < 8; read++)
        {
            Assert.False((await server.Client.GetAsync($"{server.Client.Tasks}/{older}")).Json["is_current"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task Text_is_served_as_plain_utf8_as_ModelArts_writes_it()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "query-utf8", Datasets.SmallFolder(server, "query-utf8", 1), "obs://imgs/out-query-utf8", createVersion: false));
        await server.Client.PutAsync($"{server.Client.Tasks}/{taskId}", """{ "description": "数据校验 – café" }""");

        var task = await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}");
        var items = await server.Client.GetAsync($"{server.Client.Tasks}/items");
        var error = await server.Client.PostAsync(server.Client.Tasks, TaskBodies.Validation("query-utf8", "obs://imgs/query-utf8", "obs://imgs/out-x"));

        Assert.Contains("\"description\":\"数据校验 – café\"", task.Raw, StringComparison.Ordinal);
        Assert.Contains("\"label_zh\":\"数据校验\"", items.Raw, StringComparison.Ordinal);
        Assert.Contains("'query-utf8'", error.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updating_with_a_forbidden_character_is_400_and_changes_nothing()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "query-update-bad", Datasets.SmallFolder(server, "query-update-bad", 1), "obs://imgs/out-qub", createVersion: false));

        var response = await server.Client.PutAsync($"{server.Client.Tasks}/{taskId}", """{ "description": "x=1" }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.0101", response.ErrorCode);
        Assert.Equal("", (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json["description"]?.GetValue<string>() ?? "");
    }

    [Fact]
    public async Task Updating_an_unknown_task_is_404()
    {
        var response = await server.Client.PutAsync($"{server.Client.Tasks}/AAAAAAAAAAAAAAAAAAA", """{ "description": "x" }""");
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("ModelArts.4700", response.ErrorCode);
    }

    [Fact]
    public async Task Deleting_a_finished_task_removes_it_and_its_versions()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "query-delete", Datasets.SmallFolder(server, "query-delete", 1), "obs://imgs/out-query-delete"));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        await server.Client.WaitForCompletionAsync(taskId, versionId);

        var response = await server.Client.DeleteAsync($"{server.Client.Tasks}/{taskId}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("{}", response.Raw);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}/versions/{versionId}")).Status);
        Assert.True(File.Exists(Path.Combine(server.ImagesDirectory, "query-delete", "img0.jpg")), "inputs are never deleted");
    }

    [Fact]
    public async Task Deleting_a_task_with_a_running_version_is_403_4850()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "query-delete-busy", Datasets.SlowFolder(server, "query-delete-busy", 200), "obs://imgs/out-qdb", maxWidth: 800));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);

        var response = await server.Client.DeleteAsync($"{server.Client.Tasks}/{taskId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("ModelArts.4850", response.ErrorCode);
        await server.Client.PostAsync($"{server.Client.Tasks}/{taskId}/versions/{versionId}/stop", null);
    }

    [Fact]
    public async Task The_template_list_has_the_four_processing_templates_in_order()
    {
        var response = await server.Client.GetAsync($"{server.Client.Tasks}/items");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(4, response.Json["total"]!.GetValue<int>());
        var items = response.Json["items"]!.AsArray();
        Assert.Equal(["sys_data_cleaning", "sys_data_validation", "sys_data_selection", "sys_data_augmentation"],
            items.Select(item => item!["template_id"]!.GetValue<string>()).ToArray());
        Assert.Equal("数据校验", items[1]!["label_zh"]!.GetValue<string>());
        Assert.Equal("data validation", items[1]!["label_en"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await server.Client.GetAsync($"{server.Client.Tasks}/items?limit=1001")).Status);
    }

    // Concurrent reads, so that several pooled connections have served the task before it changes.
    private async Task ReadTaskSeveralTimesAsync(string taskId)
    {
        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")));
        Assert.All(reads, read => Assert.Equal(HttpStatusCode.OK, read.Status));
    }

    private static string[] Names(JsonNode list) => [.. list["tasks"]!.AsArray().Select(task => task!["name"]!.GetValue<string>())];
}
