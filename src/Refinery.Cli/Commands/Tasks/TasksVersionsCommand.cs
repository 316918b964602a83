using Refinery.Cli.Client;
using Spectre.Console;

namespace Refinery.Cli.Commands.Tasks;

/// <summary><c>refinery tasks versions TASK_ID</c>: a task's versions, newest first, with progress and counts.</summary>
public sealed class TasksVersionsCommand : ClientCommand<TaskSettings>
{
    protected override async Task<int> RunAsync(RefineryClient client, TaskSettings settings, CancellationToken cancellationToken)
    {
        var list = await client.ListVersionsAsync(settings.TaskId, offset: 0, limit: 100, cancellationToken);
        if (settings.Json)
        {
            DisplayFormat.WriteJson(list);
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("version_id", "name", "status", "progress", "samples", "modified", "deleted", "created", "error");
        foreach (var version in list["versions"]?.AsArray() ?? [])
        {
            table.AddPlainRow(
                DisplayFormat.Text(version?["task_version_id"]),
                DisplayFormat.Text(version?["version_name"]),
                DisplayFormat.Status(version?["status"]),
                DisplayFormat.Progress(version?["progress"]),
                DisplayFormat.Text(version?["origin_sample_count"]),
                DisplayFormat.Text(version?["modified_sample_count"]),
                DisplayFormat.Text(version?["deleted_sample_count"]),
                DisplayFormat.Time(version?["create_time"]),
                DisplayFormat.Text(version?["error_msg"]));
        }

        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }
}
