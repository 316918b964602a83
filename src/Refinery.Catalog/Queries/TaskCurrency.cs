using Refinery.Catalog.Records;

namespace Refinery.Catalog.Queries;

/// <summary>
/// The <c>is_current</c> rule, the one place it is written: a task is current when no task of the same project,
/// workspace, template and input was created after it.
/// </summary>
public static class TaskCurrency
{
    /// <summary>
    /// The rule in SQL over a <c>processor_tasks</c> row aliased <c>t</c>, for reads that run prepared SQL instead of
    /// LINQ; it says exactly what <see cref="WithCurrency"/> says.
    /// </summary>
    internal const string IsCurrentSql = """
        NOT EXISTS (
            SELECT 1 FROM processor_tasks AS o
            WHERE o.ProjectId = t.ProjectId AND o.WorkspaceId = t.WorkspaceId AND o.TemplateId = t.TemplateId
              AND o.InputKey = t.InputKey AND o.CreateTime > t.CreateTime)
        """;

    /// <summary>Each task of <paramref name="tasks"/> with its flag, judged against every task of <paramref name="db"/>.</summary>
    public static IQueryable<TaskWithCurrency> WithCurrency(this IQueryable<ProcessorTaskRecord> tasks, CatalogContext db) =>
        tasks.Select(task => new TaskWithCurrency
        {
            Task = task,
            IsCurrent = !db.Tasks.Any(other =>
                other.ProjectId == task.ProjectId && other.WorkspaceId == task.WorkspaceId && other.TemplateId == task.TemplateId
                && other.InputKey == task.InputKey && other.CreateTime > task.CreateTime),
        });
}
