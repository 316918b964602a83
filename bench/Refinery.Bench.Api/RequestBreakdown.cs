using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Refinery.Api.Json;
using Refinery.Catalog;
using Refinery.Engine.Tasks;

namespace Refinery.Bench.Api;

/// <summary>
/// Where one request's server-side time goes, measured in-process on one thread (no HTTP): the catalog read as the
/// endpoint does it and as plain ADO.NET, then each step of mapping and serialising the response.
/// </summary>
public sealed class RequestBreakdown(IDbContextFactory<CatalogContext> catalog, TaskQueries queries, string connectionString, string projectId, IReadOnlyList<string> taskIds)
{
    private const string RawSql = """
        SELECT t.*, NOT EXISTS (
            SELECT 1 FROM processor_tasks AS o
            WHERE o.ProjectId = t.ProjectId AND o.WorkspaceId = t.WorkspaceId AND o.TemplateId = t.TemplateId
              AND o.InputKey = t.InputKey AND o.CreateTime > t.CreateTime)
        FROM processor_tasks AS t WHERE t.TaskId = $task AND t.ProjectId = $project
        """;

    private const string PrimaryKeySql = "SELECT t.* FROM processor_tasks AS t WHERE t.TaskId = $task AND t.ProjectId = $project";

    public async Task<IReadOnlyList<(string Step, double MedianMicros)>> MeasureAsync(int iterations, CancellationToken cancellationToken)
    {
        var random = new Random(5);
        var ids = Enumerable.Range(0, iterations).Select(_ => taskIds[random.Next(taskIds.Count)]).ToArray();
        var views = new TaskView[iterations];
        var efQueries = new TaskQueries(catalog); // no TaskByIdReader: the EF compiled query, as on PostgreSQL
        var body = new ArrayBufferWriter<byte>(64 * 1024);
        using var writer = new Utf8JsonWriter(body);
        var steps = new List<(string, double)>
        {
            ("TaskQueries.GetTaskAsync (endpoint: prepared SQLite)", await TimeAsync(ids, async (id, i) => views[i] = await queries.GetTaskAsync(projectId, id, cancellationToken))),
            ("EF: rent context + compiled query (PostgreSQL path)", await TimeAsync(ids, async (id, _) => await efQueries.GetTaskAsync(projectId, id, cancellationToken))),
            ("EF: rent context only", await TimeAsync(ids, async (_, _) => { await using var db = await catalog.CreateDbContextAsync(cancellationToken); })),
            ("EF: rent context + open/close its connection", await TimeAsync(ids, async (_, _) =>
            {
                await using var db = await catalog.CreateDbContextAsync(cancellationToken);
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.CloseConnectionAsync();
            })),
            ("ADO.NET: same SQL, read every column", await TimeAsync(ids, (id, _) => ReadRawAsync(id, RawSql, cancellationToken))),
            ("ADO.NET: open + close a pooled connection", await TimeAsync(ids, async (_, _) =>
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
            })),
            ("ADO.NET: primary-key row only (no is_current)", await TimeAsync(ids, (id, _) => ReadRawAsync(id, PrimaryKeySql, cancellationToken))),
            ("ADO.NET: same SQL prepared once, open connection", await TimeAsync(ids, (id, _) => ReadPreparedAsync(id, cancellationToken))),
            ("TaskJsonWriter.Write (copies stored JSON)", await TimeAsync(ids, (id, i) =>
            {
                body.ResetWrittenCount();
                writer.Reset(body);
                TaskJsonWriter.Write(writer, views[i], includeResult: true);
                writer.Flush();
                return Task.CompletedTask;
            })),
        };
        return steps;
    }

    private SqliteCommand? _prepared;

    private async Task ReadPreparedAsync(string taskId, CancellationToken cancellationToken)
    {
        if (_prepared is null)
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            _prepared = connection.CreateCommand();
            _prepared.CommandText = RawSql;
            _prepared.Parameters.Add("$task", SqliteType.Text);
            _prepared.Parameters.AddWithValue("$project", projectId);
            _prepared.Prepare();
        }

        _prepared.Parameters[0].Value = taskId;
        await using var reader = await _prepared.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var column = 0; column < reader.FieldCount; column++)
            {
                _ = reader.IsDBNull(column) ? null : reader.GetValue(column);
            }
        }
    }

    private async Task ReadRawAsync(string taskId, string sql, CancellationToken cancellationToken, string? pragma = null)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        if (pragma is not null)
        {
            command.CommandText = pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        command.CommandText = sql;
        command.Parameters.AddWithValue("$task", taskId);
        command.Parameters.AddWithValue("$project", projectId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var column = 0; column < reader.FieldCount; column++)
            {
                _ = reader.IsDBNull(column) ? null : reader.GetValue(column);
            }
        }
    }

    private static async Task<double> TimeAsync(string[] ids, Func<string, int, Task> step)
    {
        for (var i = 0; i < Math.Min(200, ids.Length); i++)
        {
            await step(ids[i], i); // warm-up
        }

        var times = new double[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await step(ids[i], i);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(times);
        return times[times.Length / 2];
    }
}
