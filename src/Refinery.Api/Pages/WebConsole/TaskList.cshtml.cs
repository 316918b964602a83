using Microsoft.AspNetCore.Mvc;
using Refinery.Api.WebConsole;
using Refinery.Domain;
using Refinery.Engine.Tasks;

namespace Refinery.Api.Pages.WebConsole;

/// <summary>The project's tasks, newest first, filtered by name, status and template; the rows refresh themselves.</summary>
public sealed class TaskListModel(TaskQueries queries) : ConsolePageModel
{
    public const int PageSize = 20;

    [BindProperty(Name = "name", SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty(Name = "status", SupportsGet = true)]
    public int? Status { get; set; }

    [BindProperty(Name = "template", SupportsGet = true)]
    public string? Template { get; set; }

    [BindProperty(Name = "offset", SupportsGet = true)]
    public int Offset { get; set; }

    public int Count { get; private set; }

    public IReadOnlyList<TaskView> Tasks { get; private set; } = [];

    /// <summary>The query string of the current filters, for the rows' own refresh and the pager.</summary>
    public string FilterQuery(int offset) =>
        $"name={Uri.EscapeDataString(Name ?? "")}&status={Status}&template={Uri.EscapeDataString(Template ?? "")}&offset={offset}";

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<PartialViewResult> OnGetRowsAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_TaskRows", this);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // A filter the API would refuse is dropped here rather than shown as an error: it came from a link or a form.
        Status = Status is >= 0 and <= 4 ? Status : null;
        Template = TemplateIds.IsKnown(Template) ? Template : null;
        Offset = Math.Max(0, Offset);
        var query = new TaskListQuery(
            Offset, PageSize, Descending: true, SortBy: "create_time", SourceType: null, Source: null, Status,
            NameContains: string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(), Template, DatasetVersionIds: null,
            OnlyCurrent: false, WorkspaceId: "0", CreatedAfter: null, CreatedBefore: null);
        (Count, Tasks) = await queries.ListTasksAsync(ProjectId, query, cancellationToken);
    }
}
