using System.ComponentModel;
using Refinery.Domain;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands.Local;

/// <summary>What <c>refinery analyse</c> and <c>refinery validate</c> share: the folder, the task type and the report file.</summary>
public class LocalRunSettings : CommandSettings
{
    [CommandArgument(0, "<DIR>")]
    [Description("The folder of images (with their VOC XML files for object detection) to process; it is only read.")]
    public string Directory { get; init; } = "";

    [CommandOption("--task-type <TYPE>")]
    [Description("image_classification or object_detection.")]
    public string? TaskType { get; init; }

    [CommandOption("--report <FILE>")]
    [Description("Where to write the HTML report. Default: refinery-report.html in the current folder")]
    public string Report { get; init; } = "refinery-report.html";

    public string InputDirectory => Path.TrimEndingDirectorySeparator(Path.GetFullPath(Directory));

    public override ValidationResult Validate()
    {
        if (!System.IO.Directory.Exists(InputDirectory))
        {
            return ValidationResult.Error($"DIR {Directory}: the folder does not exist.");
        }

        if (Path.GetDirectoryName(InputDirectory) is null)
        {
            return ValidationResult.Error("DIR must be a folder below the file system's root.");
        }

        return TaskType is null || TaskTypes.IsKnown(TaskType)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--task-type '{TaskType}' must be {TaskTypes.ImageClassification} or {TaskTypes.ObjectDetection}.");
    }
}
