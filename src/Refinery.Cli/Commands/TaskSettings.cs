using System.ComponentModel;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary>A command about one task, named by its id.</summary>
public class TaskSettings : OutputSettings
{
    [CommandArgument(0, "<TASK_ID>")]
    [Description("The task's id (task_id).")]
    public string TaskId { get; init; } = "";
}
