using Refinery.Cli.Client;
using Spectre.Console;

namespace Refinery.Cli.Commands.Tasks;

/// <summary><c>refinery tasks stop TASK_ID</c>: stops a running version; nothing of it is published.</summary>
public sealed class TasksStopCommand : ClientCommand<TaskVersionSettings>
{
    protected override async Task<int> RunAsync(RefineryClient client, TaskVersionSettings settings, CancellationToken cancellationToken)
    {
        var versionId = await settings.ResolveVersionIdAsync(client, cancellationToken);
        var answer = await client.StopVersionAsync(settings.TaskId, versionId, cancellationToken);
        if (settings.Json)
        {
            DisplayFormat.WriteJson(answer);
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"Stopped version {versionId} of task {settings.TaskId}.");
        }

        return ExitCodes.Success;
    }
}
