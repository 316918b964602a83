using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Refinery.Catalog.Queries;
using Refinery.Catalog.Records;

namespace Refinery.Catalog.Reading;

/// <summary>
/// Reads one task by id, with <c>is_current</c>, from a SQLite catalog through a small pool of open connections that
/// each keep the statement prepared: compiling the SQL on every execution cost more than running it.
/// </summary>
public sealed class TaskByIdReader : IDisposable
{
    // The columns PreparedTaskRead reads, in its order, then is_current by the catalog's one rule.
    private const string Sql = $"""
        SELECT t.TaskId, t.ProjectId, t.WorkspaceId, t.Name, t.Description, t.TemplateId, t.TemplateJson, t.InputsJson,
               t.UsedDataSource, t.WorkPathJson, t.DatasetVersionId, t.DatasetVersionName, t.InputKey, t.SourceType,
               t.Source, t.CreateTime, t.VersionCount, t.LastVersionSequence, t.LatestVersionId, t.Status,
               t.DurationSeconds, t.ErrorMsg, t.ResultJson, t.StartTime,
               {TaskCurrency.IsCurrentSql}
        FROM processor_tasks AS t
        WHERE t.TaskId = $task AND t.ProjectId = $project
        """;

    private readonly string _connectionString;
    private readonly int _maxIdle;
    private readonly ConcurrentQueue<PreparedTaskRead> _idle = new();
    private int _idleCount;
    private volatile bool _disposed;

    /// <param name="database">A SQLite catalog.</param>
    /// <param name="maxIdle">How many prepared connections to keep between requests; more are opened under load and closed after.</param>
    public TaskByIdReader(CatalogDatabase database, int maxIdle)
    {
        if (database.Provider != CatalogProvider.Sqlite)
        {
            throw new ArgumentException($"{nameof(TaskByIdReader)} reads SQLite catalogs only, not {database.Provider}.", nameof(database));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIdle);
        // Our own pool keeps these connections open; Microsoft.Data.Sqlite's pool would only hold them open again after we close them.
        _connectionString = new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString();
        _maxIdle = maxIdle;
    }

    /// <summary>The task, or null when the project has no task with that id.</summary>
    public ProcessorTaskRecord? Read(string projectId, string taskId, out bool isCurrent)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var read = Rent();
        ProcessorTaskRecord? task;
        try
        {
            task = read.Execute(projectId, taskId, out isCurrent);
        }
        catch
        {
            // A connection that failed mid-read is not trusted again.
            read.Dispose();
            throw;
        }

        Return(read);
        return task;
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var read))
        {
            read.Dispose();
        }
    }

    private PreparedTaskRead Rent()
    {
        if (_idle.TryDequeue(out var read))
        {
            Interlocked.Decrement(ref _idleCount);
            return read;
        }

        return PreparedTaskRead.Open(_connectionString, Sql);
    }

    private void Return(PreparedTaskRead read)
    {
        if (Interlocked.Increment(ref _idleCount) > _maxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            read.Dispose();
            return;
        }

        _idle.Enqueue(read);
        if (_disposed && _idle.TryDequeue(out var late))
        {
            late.Dispose(); // a read that finished while the pool was being disposed
        }
    }
}
