using System.Globalization;
using Refinery.Api.ProcessorTasks;
using Refinery.Api.WebConsole;
using Refinery.Catalog.Records;
using Refinery.Domain;

namespace Refinery.Cli.Commands.Local;

/// <summary><c>refinery validate DIR</c>: data validation of a local folder, with the outcome and every sample it changed or removed.</summary>
public sealed class ValidateCommand : LocalRunCommand<ValidateSettings>
{
    private const string TemporaryOutputFolder = "validated";

    protected override string? OutputParent(ValidateSettings settings) =>
        settings.OutputDirectory is { } output ? Directory.CreateDirectory(output).Parent!.FullName : null;

    protected override FolderTaskRequest Request(ValidateSettings settings, string source) =>
        new(TemplateIds.Validation, "local-validation", source,
            $"obs://{EmbeddedEngine.OutputBucket}/{(settings.OutputDirectory is { } output ? Path.GetFileName(output) : TemporaryOutputFolder)}",
            settings.TaskType);

    protected override async Task<LocalRunReport> SummariseAsync(
        EmbeddedEngine engine, ProcessorTaskRecord task, TaskVersionRecord version, ValidateSettings settings, CancellationToken cancellationToken)
    {
        var outcome = new SummaryTable(
            "Outcome",
            ["samples", "kept", "modified", "deleted"],
            [[Count(version.OriginSampleCount), Count(version.UnmodifiedSampleCount), Count(version.ModifiedSampleCount), Count(version.DeletedSampleCount)]]);
        var results = await engine.ResultsAsync(task.TaskId, version.VersionId, cancellationToken);
        var changed = new SummaryTable(
            "Samples changed or removed",
            ["sample", "result", "why"],
            [
                .. results
                    .Where(result => result.ResultProperty != (int)ResultProperty.Reserved)
                    .Select(result => (IReadOnlyList<string>)[SampleName(result.OriginSource), PropertyName(result.ResultProperty), string.Join("; ", ResultDescription.Lines(result.DescriptionJson))]),
            ]);
        var tables = new List<SummaryTable> { outcome, changed };
        if (settings.OutputDirectory is { } output)
        {
            tables.Add(new SummaryTable("Output", ["folder"], [[Path.Combine(output, "output", version.VersionId)]]));
        }

        return new LocalRunReport($"Validation of {settings.InputDirectory}", tables, Charts: []);
    }

    private static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "0";

    /// <summary>The sample's path inside the input folder, without the engine's bucket.</summary>
    private static string SampleName(string source)
    {
        var prefix = $"obs://{EmbeddedEngine.InputBucket}/";
        return source.StartsWith(prefix, StringComparison.Ordinal) ? source[prefix.Length..] : source;
    }

    private static string PropertyName(int property) => ((ResultProperty)property).ToString().ToLowerInvariant();
}
