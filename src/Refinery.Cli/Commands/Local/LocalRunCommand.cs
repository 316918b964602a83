using Refinery.Api.ProcessorTasks;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands.Local;

/// <summary>
/// Runs one task over a local folder in an <see cref="EmbeddedEngine"/> — no server — then prints its summary tables
/// and writes them, with any charts, to an HTML report. Progress goes to standard error, the summary to standard output.
/// Exit codes: 0 completed, 1 refused (bad parameters), 2 the run failed.
/// </summary>
public abstract class LocalRunCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : LocalRunSettings
{
    /// <summary>The folder whose subfolder receives the output, or null when the output is not kept.</summary>
    protected virtual string? OutputParent(TSettings settings) => null;

    /// <param name="source">The input folder as the engine sees it (<c>obs://input/&lt;name&gt;</c>).</param>
    protected abstract FolderTaskRequest Request(TSettings settings, string source);

    protected abstract Task<LocalRunReport> SummariseAsync(
        EmbeddedEngine engine, ProcessorTaskRecord task, TaskVersionRecord version, TSettings settings, CancellationToken cancellationToken);

    public override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        var input = settings.InputDirectory;
        var source = $"obs://{EmbeddedEngine.InputBucket}/{Path.GetFileName(input)}";
        await using var engine = await EmbeddedEngine.StartAsync(Path.GetDirectoryName(input)!, OutputParent(settings), cancellationToken);
        ProcessorTaskRecord task;
        TaskVersionRecord version;
        try
        {
            (task, version) = await engine.RunAsync(
                Request(settings, source), figures => Console.Error.WriteLine($"processed {figures}"), cancellationToken);
        }
        catch (ModelArtsException error)
        {
            await Console.Error.WriteLineAsync($"{error.ErrorCode}: {error.Message}");
            return ExitCodes.Refused;
        }

        if (version.Status != (int)VersionStatus.Completed)
        {
            await Console.Error.WriteLineAsync($"The run ended {((VersionStatus)version.Status).ToString().ToLowerInvariant()}: {version.ErrorMsg}");
            return ExitCodes.VersionFailed;
        }

        var report = await SummariseAsync(engine, task, version, settings, cancellationToken);
        foreach (var table in report.Tables)
        {
            AnsiConsole.Write(table.ToConsoleTable());
        }

        var reportPath = Path.GetFullPath(settings.Report);
        await File.WriteAllTextAsync(reportPath, report.ToHtml(), cancellationToken);
        Console.Out.WriteLine($"Report: {reportPath}");
        return ExitCodes.Success;
    }
}
