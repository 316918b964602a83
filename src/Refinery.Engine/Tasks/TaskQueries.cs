using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Refinery.Catalog;
using Refinery.Catalog.Queries;
using Refinery.Catalog.Reading;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Engine.Lifecycle;

namespace Refinery.Engine.Tasks;

/// <summary>The reads of the processor-task API. Every read is scoped to the caller's project.</summary>
/// <param name="catalog">The catalog.</param>
/// <param name="taskById">On a SQLite catalog, the fast path for the task detail; null on PostgreSQL.</param>
public sealed class TaskQueries(IDbContextFactory<CatalogContext> catalog, TimeProvider clock, TaskByIdReader? taskById = null)
{
    // The task detail is the hottest read. On SQLite, TaskByIdReader runs it on statements prepared once.
    public async ValueTask<TaskView> GetTaskAsync(string projectId, string taskId, CancellationToken cancellationToken)
    {
        if (taskById is not null)
        {
            // SQLite reads are synchronous underneath; the async form would only add a state machine.
            return taskById.Read(projectId, taskId, out var isCurrent) is { } task
                ? Live(new TaskView(task, isCurrent))
                : throw ModelArtsErrors.TaskNotFound(taskId);
        }

        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var row = await db.Tasks.AsNoTracking()
            .Where(task => task.TaskId == taskId && task.ProjectId == projectId)
            .WithCurrency(db)
            .SingleOrDefaultAsync(cancellationToken);
        return row is not null ? Live(new TaskView(row.Task, row.IsCurrent)) : throw ModelArtsErrors.TaskNotFound(taskId);
    }

    public async Task<(int Count, IReadOnlyList<TaskView> Tasks)> ListTasksAsync(string projectId, TaskListQuery query, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var tasks = db.Tasks.AsNoTracking().Where(task => task.ProjectId == projectId && task.WorkspaceId == query.WorkspaceId);
        tasks = Filter(tasks, query);
        var rows = tasks.WithCurrency(db);
        if (query.OnlyCurrent)
        {
            rows = rows.Where(row => row.IsCurrent);
        }

        var count = await rows.CountAsync(cancellationToken);
        var sorted = (query.SortBy, query.Descending) switch
        {
            ("name", false) => rows.OrderBy(row => row.Task.Name).ThenBy(row => row.Task.TaskId),
            ("name", true) => rows.OrderByDescending(row => row.Task.Name).ThenByDescending(row => row.Task.TaskId),
            ("duration_seconds", false) => rows.OrderBy(row => row.Task.DurationSeconds).ThenBy(row => row.Task.CreateTime),
            ("duration_seconds", true) => rows.OrderByDescending(row => row.Task.DurationSeconds).ThenByDescending(row => row.Task.CreateTime),
            (_, false) => rows.OrderBy(row => row.Task.CreateTime).ThenBy(row => row.Task.TaskId),
            _ => rows.OrderByDescending(row => row.Task.CreateTime).ThenByDescending(row => row.Task.TaskId),
        };
        // The page is chosen over the sort keys and ids alone, then its rows are read by id: sorting or skipping whole
        // rows would drag every task's JSON (its result can be tens of KB) through the sort, seconds at 100,000 tasks.
        var pageIds = await sorted.Select(row => row.Task.TaskId).Skip(query.Offset).Take(query.Limit).ToListAsync(cancellationToken);
        // The ids inline as an IN list and nothing else narrows the read (the ids are the project's already): SQLite then
        // searches the primary key for each. Given as one JSON parameter (json_each), or beside a ProjectId condition,
        // it scanned every task of the project instead.
        var rowsById = await db.Tasks.AsNoTracking()
            .Where(task => EF.Constant(pageIds).Contains(task.TaskId))
            .WithCurrency(db)
            .ToDictionaryAsync(row => row.Task.TaskId, cancellationToken);
        // A task deleted between the two reads is left out of the page, as if it had gone just before the first.
        var page = pageIds.Where(rowsById.ContainsKey).Select(id => Live(new TaskView(rowsById[id].Task, rowsById[id].IsCurrent))).ToList();
        return (count, page);
    }

    public async Task<(int Count, IReadOnlyList<TaskVersionRecord> Versions)> ListVersionsAsync(
        string projectId, string taskId, int offset, int limit, string sortBy, bool descending, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await RequireTaskAsync(db, projectId, taskId, cancellationToken);
        var versions = db.Versions.AsNoTracking().Where(version => version.TaskId == taskId);
        var count = await versions.CountAsync(cancellationToken);
        // Version names are V001, V002, … so their order is their sequence order.
        Expression<Func<TaskVersionRecord, long>> key = sortBy == "version_name" ? version => version.Sequence : version => version.CreateTime;
        var ordered = descending ? versions.OrderByDescending(key).ThenByDescending(v => v.Sequence) : versions.OrderBy(key).ThenBy(v => v.Sequence);
        return (count, await ordered.Skip(offset).Take(limit).ToListAsync(cancellationToken));
    }

    public async Task<TaskVersionRecord> GetVersionAsync(string projectId, string taskId, string versionId, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await RequireTaskAsync(db, projectId, taskId, cancellationToken);
        return await db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.VersionId == versionId && v.TaskId == taskId, cancellationToken)
            ?? throw ModelArtsErrors.VersionNotFound(versionId);
    }

    /// <param name="flagKey">
    /// Only results whose values set this flag true (a quality check's <c>is_&lt;issue&gt;_issue</c>), or null for all.
    /// </param>
    public async Task<ResultPage> ListResultsAsync(
        string projectId, string taskId, string versionId, int? property, string? flagKey, int offset, int limit, CancellationToken cancellationToken)
    {
        var version = await GetVersionAsync(projectId, taskId, versionId, cancellationToken);
        if (version.Status is (int)VersionStatus.Initialized or (int)VersionStatus.Running)
        {
            throw ModelArtsErrors.TaskNotFinished(versionId);
        }

        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var results = db.Results.AsNoTracking().Where(result => result.VersionId == versionId);
        if (property is { } wanted)
        {
            results = results.Where(result => result.ResultProperty == wanted);
        }

        if (flagKey is not null)
        {
            // Values are stored as compact JSON (JsonNode.ToJsonString), so a set flag is this exact text.
            var flagged = $"\"{flagKey}\":true";
            results = results.Where(result => result.ValuesJson != null && result.ValuesJson.Contains(flagged));
        }

        var count = await results.CountAsync(cancellationToken);
        var page = await results.OrderBy(result => result.Ordinal).ThenBy(result => result.AddedIndex).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new ResultPage(count, page);
    }

    /// <summary>The task as of now: a running task's duration counts up with its latest version's.</summary>
    private TaskView Live(TaskView view)
    {
        var task = view.Task; // read without tracking: the change is never saved
        task.DurationSeconds = RunDuration.Seconds(task.Status, task.StartTime, task.DurationSeconds, clock.GetUtcNow().ToUnixTimeMilliseconds());
        return view;
    }

    private static async Task RequireTaskAsync(CatalogContext db, string projectId, string taskId, CancellationToken cancellationToken)
    {
        if (!await db.Tasks.AnyAsync(task => task.TaskId == taskId && task.ProjectId == projectId, cancellationToken))
        {
            throw ModelArtsErrors.TaskNotFound(taskId);
        }
    }

    private static IQueryable<ProcessorTaskRecord> Filter(IQueryable<ProcessorTaskRecord> tasks, TaskListQuery query)
    {
        if (query.SourceType is { } sourceType)
        {
            tasks = tasks.Where(task => task.SourceType == sourceType);
        }

        if (query.Source is { } given)
        {
            var source = SourceKey.ForFilter(given);
            tasks = tasks.Where(task => task.Source == source);
        }

        if (query.Status is { } status)
        {
            tasks = tasks.Where(task => task.Status == status);
        }

        if (query.NameContains is { } name)
        {
            tasks = tasks.WhereNameContains(task => task.Name, name);
        }

        if (query.TemplateId is { } templateId)
        {
            tasks = tasks.Where(task => task.TemplateId == templateId);
        }

        if (query.DatasetVersionIds is { Count: > 0 } versionIds)
        {
            tasks = tasks.Where(task => task.DatasetVersionId != null && versionIds.Contains(task.DatasetVersionId));
        }

        if (query.CreatedAfter is { } after)
        {
            tasks = tasks.Where(task => task.CreateTime >= after);
        }

        if (query.CreatedBefore is { } before)
        {
            tasks = tasks.Where(task => task.CreateTime < before);
        }

        return tasks;
    }
}
