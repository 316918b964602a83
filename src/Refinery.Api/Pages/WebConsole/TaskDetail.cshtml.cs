using Microsoft.AspNetCore.Mvc;
using Refinery.Api.WebConsole;
using Refinery.Api.WebConsole.Charts;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Engine.Tasks;

namespace Refinery.Api.Pages.WebConsole;

/// <summary>
/// One task: its versions with live progress and, for an analysis, every feature's histogram with the completed
/// versions overlaid, for all samples or one usage split.
/// </summary>
public sealed class TaskDetailModel(TaskQueries queries) : ConsolePageModel
{
    private const int MaxVersions = 100;

    [FromRoute(Name = "taskId")]
    public string TaskId { get; set; } = "";

    [BindProperty(Name = "usage", SupportsGet = true)]
    public string? Usage { get; set; }

    public ProcessorTaskRecord Task { get; private set; } = null!;

    public IReadOnlyList<TaskVersionRecord> Versions { get; private set; } = [];

    public IReadOnlyList<LabelledSummary> Summaries { get; private set; } = [];

    public IReadOnlyList<string> Usages { get; private set; } = [];

    public IReadOnlyList<FeatureChart> Charts { get; private set; } = [];

    public bool AnyActive => Versions.Any(version => ConsoleText.IsActive(version.Status));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Task = (await queries.GetTaskAsync(ProjectId, TaskId, cancellationToken)).Task;
        await LoadVersionsAsync(cancellationToken);
        Summaries =
        [
            .. Versions
                .Where(version => version.Status == (int)VersionStatus.Completed)
                .Select(version => (version.VersionName, Summary: AnalysisSummary.Parse(version.ResultJson)))
                .Where(pair => pair.Summary is not null)
                .Select(pair => new LabelledSummary(pair.VersionName, pair.Summary!)),
        ];
        Usages = FeatureCharts.Usages(Summaries);
        Usage = Usage is not null && Usages.Contains(Usage) ? Usage : null;
        Charts = FeatureCharts.Build(Summaries, Usage);
    }

    /// <summary>The versions table alone, which polls itself while a version runs; the end of a run reloads the page for its charts.</summary>
    public async Task<PartialViewResult> OnGetVersionsAsync(CancellationToken cancellationToken)
    {
        await LoadVersionsAsync(cancellationToken);
        if (!AnyActive)
        {
            Response.Headers["HX-Refresh"] = "true";
        }

        return Partial("_Versions", this);
    }

    private async Task LoadVersionsAsync(CancellationToken cancellationToken) =>
        (_, Versions) = await queries.ListVersionsAsync(ProjectId, TaskId, 0, MaxVersions, "create_time", descending: false, cancellationToken);
}
