using System.Net;
using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Cli;

/// <summary>The <c>refinery tasks …</c> client commands, run as the real executable against a real server.</summary>
[Collection(ServerCollection.Name)]
public sealed class TasksCommandTests(RefineryInstance server) : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("refinery-cli-");

    [Fact]
    public async Task Create_wait_and_results_run_a_validation_to_completion_showing_its_progress()
    {
        var body = Path.Combine(_home.FullName, "task.json");
        await File.WriteAllTextAsync(body, TaskBodies.Validation("cli-run", Datasets.SmallFolder(server, "cli-run", 3), "obs://imgs/out-cli-run"));

        var create = await RunAsync("tasks", "create", body, "--json");
        var taskId = JsonNode.Parse(create.StandardOutput)!["task_id"]!.GetValue<string>();
        var wait = await RunAsync("tasks", "wait", taskId, "--interval", "0.2");
        var results = await RunAsync("tasks", "results", taskId, "--json");
        var versions = await RunAsync("tasks", "versions", taskId);
        var show = await RunAsync("tasks", "show", taskId);

        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.True(wait.ExitCode == 0, wait.ToString());
        Assert.Matches(@"\d+/(\d+|\?) samples, ", wait.StandardError);
        Assert.Contains("3/3 samples", wait.StandardError, StringComparison.Ordinal);
        Assert.Contains("completed", wait.StandardOutput, StringComparison.Ordinal);
        Assert.True(results.ExitCode == 0, results.ToString());
        var listed = JsonNode.Parse(results.StandardOutput)!;
        Assert.Equal(3, listed["count"]!.GetValue<int>());
        Assert.Equal(3, listed["results"]!.AsArray().Count);
        Assert.Contains("completed", versions.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("3/3", versions.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("cli-run", show.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("sys_data_validation", show.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_fetch_every_page_of_a_version_larger_than_one_page()
    {
        var taskId = await server.Client.CreateTaskAsync(
            TaskBodies.Validation("cli-pages", Datasets.SmallFolder(server, "cli-pages", 103), "obs://imgs/out-cli-pages"));
        await server.Client.WaitForCompletionAsync(taskId, await server.Client.LatestVersionIdAsync(taskId));

        var all = await RunAsync("tasks", "results", taskId, "--json");
        var unchanged = await RunAsync("tasks", "results", taskId, "--json", "--property", "0");

        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Equal(103, JsonNode.Parse(all.StandardOutput)!["results"]!.AsArray().Count);
        Assert.Equal(103, JsonNode.Parse(unchanged.StandardOutput)!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Stop_ends_a_running_version_wait_then_exits_3_and_delete_removes_the_task()
    {
        var body = TaskBodies.Validation(
            "cli-stop", Datasets.SlowFolder(server, "cli-stop", 300), "obs://imgs/out-cli-stop", taskType: "image_classification", maxWidth: 800);
        var create = await RunAsync(new CliEnvironment(Variables(), body), "tasks", "create", "--json");
        var taskId = JsonNode.Parse(create.StandardOutput)!["task_id"]!.GetValue<string>();
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        await server.Client.WaitForVersionAsync(taskId, versionId, TimeSpan.FromSeconds(30), 1);

        var stop = await RunAsync("tasks", "stop", taskId);
        var wait = await RunAsync("tasks", "wait", taskId, "--interval", "0.2");
        await server.WaitUntilJobsIdleAsync(TimeSpan.FromMinutes(1));
        var delete = await RunAsync("tasks", "delete", taskId);

        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.Contains($"Stopped version {versionId}", stop.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(3, wait.ExitCode);
        Assert.Contains("stopped", wait.StandardOutput, StringComparison.Ordinal);
        Assert.True(delete.ExitCode == 0, delete.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Status);
    }

    [Fact]
    public async Task A_server_refusal_is_printed_as_its_modelarts_code_and_message_with_exit_code_1()
    {
        var show = await RunAsync("tasks", "show", "0123456789abcdef0123456789abcdef");
        var badBody = await RunAsync(new CliEnvironment(Variables(), "{\"name\": 3}"), "tasks", "create");

        Assert.Equal(1, show.ExitCode);
        Assert.Contains("ModelArts.4700: Processor task 0123456789abcdef0123456789abcdef does not exist.", show.StandardError, StringComparison.Ordinal);
        Assert.Equal("", show.StandardOutput);
        Assert.Equal(1, badBody.ExitCode);
        Assert.Matches(@"ModelArts\.\d{4}: ", badBody.StandardError);
    }

    [Fact]
    public async Task List_shows_created_tasks_in_a_table_and_as_json()
    {
        var taskId = await server.Client.CreateTaskAsync(
            TaskBodies.Validation("cli-list", Datasets.SmallFolder(server, "cli-list", 1), "obs://imgs/out-cli-list"));

        var table = await RunAsync("tasks", "list");
        var json = await RunAsync("tasks", "list", "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("cli-list", table.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(
            JsonNode.Parse(json.StandardOutput)!["tasks"]!.AsArray(),
            task => task!["task_id"]!.GetValue<string>() == taskId);
    }

    [Fact]
    public async Task Without_an_endpoint_project_or_token_a_command_names_what_is_missing()
    {
        var run = await RefineryCli.RunAsync(
            new CliEnvironment(new Dictionary<string, string> { ["REFINERY_CONFIG"] = Path.Combine(_home.FullName, "none.json") }), "tasks", "list");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--endpoint (or REFINERY_ENDPOINT)", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("--token (or REFINERY_TOKEN)", run.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _home.Delete(recursive: true);

    private Task<CliRun> RunAsync(params string[] arguments) => RunAsync(new CliEnvironment(Variables()), arguments);

    private static Task<CliRun> RunAsync(CliEnvironment environment, params string[] arguments) => RefineryCli.RunAsync(environment, arguments);

    private Dictionary<string, string> Variables() => new()
    {
        ["REFINERY_ENDPOINT"] = server.BaseAddress.ToString(),
        ["REFINERY_PROJECT_ID"] = server.ProjectId,
        ["REFINERY_TOKEN"] = server.Token,
        ["REFINERY_CONFIG"] = Path.Combine(_home.FullName, "config.json"),
    };
}
