using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary>A list command's page: <c>--offset</c> and <c>--limit</c> (at most 100, the server's largest page).</summary>
public class PageSettings : OutputSettings
{
    [CommandOption("--offset <N>")]
    [Description("Skip this many entries. Default: 0")]
    public int Offset { get; init; }

    [CommandOption("--limit <N>")]
    [Description("Show at most this many entries, 1 to 100. Default: 100")]
    public int Limit { get; init; } = 100;

    public override ValidationResult Validate() =>
        Offset < 0 ? ValidationResult.Error("--offset must not be negative.")
        : Limit is < 1 or > 100 ? ValidationResult.Error("--limit must be from 1 to 100.")
        : ValidationResult.Success();
}
