using System.Globalization;
using Refinery.Api.ProcessorTasks;
using Refinery.Api.WebConsole.Charts;
using Refinery.Catalog.Records;
using Refinery.Domain;

namespace Refinery.Cli.Commands.Local;

/// <summary><c>refinery analyse DIR</c>: feature analysis of a local folder, with a table of feature summaries and a report with the console's histograms.</summary>
public sealed class AnalyseCommand : LocalRunCommand<LocalRunSettings>
{
    protected override FolderTaskRequest Request(LocalRunSettings settings, string source) =>
        new(TemplateIds.Analyse, "local-analysis", source, WorkPath: null, settings.TaskType);

    protected override Task<LocalRunReport> SummariseAsync(
        EmbeddedEngine engine, ProcessorTaskRecord task, TaskVersionRecord version, LocalRunSettings settings, CancellationToken cancellationToken)
    {
        var summary = AnalysisSummary.Parse(version.ResultJson)
            ?? throw new InvalidOperationException($"The analysis of {settings.InputDirectory} has no result.");
        var samples = new SummaryTable(
            "Samples",
            ["read", "analysed", "failed"],
            [[Whole(summary.SampleCount), Whole(summary.AnalysedCount), Whole(summary.FailedCount)]]);
        var features = new SummaryTable(
            "Features",
            ["feature", "scope", "count", "mean", "std", "min", "median", "max"],
            [
                .. summary.Features.Select(feature => (IReadOnlyList<string>)
                [
                    feature.Id, feature.Scope, Whole(feature.Count), ChartNumber.Format(feature.Mean), ChartNumber.Format(feature.Std),
                    ChartNumber.Format(feature.Min), ChartNumber.Format(feature.Median), ChartNumber.Format(feature.Max),
                ]),
            ]);
        var quality = new SummaryTable(
            "Quality issues",
            ["issue", "images"],
            [.. summary.Quality.Select(issue => (IReadOnlyList<string>)[issue.Key, Whole(issue.Value)])]);
        var charts = FeatureCharts.Build([new LabelledSummary(Path.GetFileName(settings.InputDirectory), summary)], usage: null);
        return Task.FromResult(new LocalRunReport($"Analysis of {settings.InputDirectory}", [samples, features, quality], charts));
    }

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);
}
