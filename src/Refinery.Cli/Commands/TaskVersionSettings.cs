using System.ComponentModel;
using Refinery.Cli.Client;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary>A command about one version of a task: the one <c>--version</c> names, or the newest.</summary>
public class TaskVersionSettings : TaskSettings
{
    [CommandOption("--version <VERSION_ID>")]
    [Description("The version (task_version_id). Default: the task's newest version")]
    public string? VersionId { get; init; }

    public async Task<string> ResolveVersionIdAsync(RefineryClient client, CancellationToken cancellationToken) =>
        VersionId ?? await client.LatestVersionIdAsync(TaskId, cancellationToken);
}
