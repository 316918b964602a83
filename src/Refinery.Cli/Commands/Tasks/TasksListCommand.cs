using Refinery.Cli.Client;
using Spectre.Console;

namespace Refinery.Cli.Commands.Tasks;

/// <summary><c>refinery tasks list</c>: the project's tasks, newest first.</summary>
public sealed class TasksListCommand : ClientCommand<PageSettings>
{
    protected override async Task<int> RunAsync(RefineryClient client, PageSettings settings, CancellationToken cancellationToken)
    {
        var list = await client.ListTasksAsync(settings.Offset, settings.Limit, cancellationToken);
        if (settings.Json)
        {
            DisplayFormat.WriteJson(list);
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("task_id", "name", "template", "status", "versions", "created");
        foreach (var task in list["tasks"]?.AsArray() ?? [])
        {
            table.AddPlainRow(
                DisplayFormat.Text(task?["task_id"]),
                DisplayFormat.Text(task?["name"]),
                DisplayFormat.Text(task?["template"]?["id"]),
                DisplayFormat.Status(task?["status"]),
                DisplayFormat.Text(task?["version_count"]),
                DisplayFormat.Time(task?["create_time"]));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"{DisplayFormat.Text(list["count"])} task(s) in all");
        return ExitCodes.Success;
    }
}
