using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Refinery.Engine.Tasks;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.ProcessorTasks;

/// <summary>How SQLite runs the task list's reads: with 100,000 tasks, a read that scans the project takes seconds.</summary>
[Collection(ServerCollection.Name)]
public sealed class TaskListPlanTests(RefineryInstance server)
{
    [Fact]
    public async Task The_list_reads_the_tasks_of_its_page_by_primary_key()
    {
        var input = Datasets.SmallFolder(server, "query-plan", 1);
        foreach (var name in new[] { "query-plan-a", "query-plan-b", "query-plan-c" })
        {
            // Several tasks on the page: with one, any plan reads one row.
            await server.Client.CreateTaskAsync(TaskBodies.Validation(name, input, "obs://imgs/out-query-plan", createVersion: false));
        }

        var recorder = new ReaderCommands();
        var queries = LinqTaskQueries.For(server, recorder);
        var query = new TaskListQuery(
            Offset: 0, Limit: 10, Descending: true, SortBy: "create_time", SourceType: null, Source: null, Status: null, NameContains: "query-plan",
            TemplateId: null, DatasetVersionIds: null, OnlyCurrent: false, WorkspaceId: "0", CreatedAfter: null, CreatedBefore: null);

        var (count, tasks) = await queries.ListTasksAsync(server.ProjectId, query, CancellationToken.None);

        Assert.Equal(3, count);
        Assert.Equal(["query-plan-c", "query-plan-b", "query-plan-a"], tasks.Select(view => view.Task.Name));
        // The read of the page's whole rows is the one that selects the result JSON.
        var pageRead = Assert.Single(recorder.Commands, command => command.Text.Contains("\"ResultJson\"", StringComparison.Ordinal));
        var plan = await ExplainAsync(LinqTaskQueries.CatalogPath(server), pageRead);
        Assert.Contains(plan, step => step.Contains("sqlite_autoindex_processor_tasks_1 (TaskId=?)", StringComparison.Ordinal));
    }

    private static async Task<List<string>> ExplainAsync(string catalogPath, RecordedCommand command)
    {
        await using var connection = new SqliteConnection($"Data Source={catalogPath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Text;
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    private sealed record RecordedCommand(string Text, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Every query EF runs through the context, with its parameters, to explain afterwards.</summary>
    private sealed class ReaderCommands : DbCommandInterceptor
    {
        public List<RecordedCommand> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(new RecordedCommand(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(parameter => (parameter.ParameterName, parameter.Value))]));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
