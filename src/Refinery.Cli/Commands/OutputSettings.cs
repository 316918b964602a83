using System.ComponentModel;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary>A client command that prints what the server answered: a table for people, or <c>--json</c> for scripts.</summary>
public class OutputSettings : ConnectionSettings
{
    [CommandOption("--json")]
    [Description("Print the server's JSON answer instead of a table.")]
    public bool Json { get; init; }
}
