using Refinery.Cli.Client;
using Spectre.Console;

namespace Refinery.Cli.Commands.Tasks;

/// <summary><c>refinery tasks delete TASK_ID</c>: deletes a task that is not running, with its versions and results.</summary>
public sealed class TasksDeleteCommand : ClientCommand<TaskSettings>
{
    protected override async Task<int> RunAsync(RefineryClient client, TaskSettings settings, CancellationToken cancellationToken)
    {
        var answer = await client.DeleteTaskAsync(settings.TaskId, cancellationToken);
        if (settings.Json)
        {
            DisplayFormat.WriteJson(answer);
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"Deleted task {settings.TaskId}.");
        }

        return ExitCodes.Success;
    }
}
