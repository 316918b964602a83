using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands.Local;

/// <summary>The options of <c>refinery validate</c>: those of every local run, a required task type, and where to keep the output.</summary>
public sealed class ValidateSettings : LocalRunSettings
{
    [CommandOption("--output <DIR>")]
    [Description("Keep the validated dataset (Data/… and output.manifest under output/<version>/) in DIR. Default: not kept")]
    public string? Output { get; init; }

    public string? OutputDirectory => Output is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(Output));

    public override ValidationResult Validate()
    {
        if (TaskType is null)
        {
            return ValidationResult.Error("--task-type is required: image_classification or object_detection.");
        }

        if (OutputDirectory is { } output && Path.GetDirectoryName(output) is null)
        {
            return ValidationResult.Error("--output must be a folder below the file system's root.");
        }

        return base.Validate();
    }
}
