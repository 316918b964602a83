using Refinery.Cli.Client;
using Spectre.Console;

namespace Refinery.Cli.Commands.Tasks;

/// <summary><c>refinery tasks show TASK_ID</c>: one task's definition and state.</summary>
public sealed class TasksShowCommand : ClientCommand<TaskSettings>
{
    protected override async Task<int> RunAsync(RefineryClient client, TaskSettings settings, CancellationToken cancellationToken)
    {
        var task = await client.GetTaskAsync(settings.TaskId, cancellationToken);
        if (settings.Json)
        {
            DisplayFormat.WriteJson(task);
            return ExitCodes.Success;
        }

        var grid = new Grid().AddColumn().AddColumn();
        grid.AddPlainRow("task_id", DisplayFormat.Text(task["task_id"]));
        grid.AddPlainRow("name", DisplayFormat.Text(task["name"]));
        grid.AddPlainRow("template", DisplayFormat.Text(task["template"]?["id"]));
        grid.AddPlainRow("status", DisplayFormat.Status(task["status"]));
        grid.AddPlainRow("inputs", DisplayFormat.Text(task["inputs"] ?? task["data_source"]));
        grid.AddPlainRow("work_path", DisplayFormat.Text(task["work_path"]?["path"]));
        grid.AddPlainRow("versions", DisplayFormat.Text(task["version_count"]));
        grid.AddPlainRow("latest version", DisplayFormat.Text(task["version_id"]));
        grid.AddPlainRow("created", DisplayFormat.Time(task["create_time"]));
        grid.AddPlainRow("duration (s)", DisplayFormat.Text(task["duration_seconds"]));
        grid.AddPlainRow("error", DisplayFormat.Text(task["error_msg"]));
        AnsiConsole.Write(grid);
        return ExitCodes.Success;
    }
}
