using Microsoft.Data.Sqlite;
using Refinery.Catalog.Records;

namespace Refinery.Catalog.Reading;

/// <summary>One open SQLite connection with the task-by-id statement prepared on it; used by one caller at a time.</summary>
internal sealed class PreparedTaskRead : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _command;
    private readonly SqliteParameter _task;
    private readonly SqliteParameter _project;

    private PreparedTaskRead(SqliteConnection connection, SqliteCommand command, SqliteParameter task, SqliteParameter project)
    {
        _connection = connection;
        _command = command;
        _task = task;
        _project = project;
    }

    public static PreparedTaskRead Open(string connectionString, string sql)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            var command = connection.CreateCommand();
            command.CommandText = sql;
            var task = command.Parameters.Add("$task", SqliteType.Text);
            var project = command.Parameters.Add("$project", SqliteType.Text);
            command.Prepare();
            return new PreparedTaskRead(connection, command, task, project);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public ProcessorTaskRecord? Execute(string projectId, string taskId, out bool isCurrent)
    {
        _task.Value = taskId;
        _project.Value = projectId;
        // Disposing the reader resets the statement, which ends SQLite's read transaction: the next read sees every
        // write committed meanwhile.
        using var reader = _command.ExecuteReader();
        if (!reader.Read())
        {
            isCurrent = false;
            return null;
        }

        isCurrent = reader.GetBoolean(24);
        return new ProcessorTaskRecord
        {
            TaskId = reader.GetString(0),
            ProjectId = reader.GetString(1),
            WorkspaceId = reader.GetString(2),
            Name = reader.GetString(3),
            Description = reader.IsDBNull(4) ? null : reader.GetString(4),
            TemplateId = reader.GetString(5),
            TemplateJson = reader.GetString(6),
            InputsJson = reader.GetString(7),
            UsedDataSource = reader.GetBoolean(8),
            WorkPathJson = reader.IsDBNull(9) ? null : reader.GetString(9),
            DatasetVersionId = reader.IsDBNull(10) ? null : reader.GetString(10),
            DatasetVersionName = reader.IsDBNull(11) ? null : reader.GetString(11),
            InputKey = reader.GetString(12),
            SourceType = reader.GetString(13),
            Source = reader.GetString(14),
            CreateTime = reader.GetInt64(15),
            VersionCount = reader.GetInt32(16),
            LastVersionSequence = reader.GetInt32(17),
            LatestVersionId = reader.IsDBNull(18) ? null : reader.GetString(18),
            Status = reader.GetInt32(19),
            DurationSeconds = reader.GetInt32(20),
            ErrorMsg = reader.IsDBNull(21) ? null : reader.GetString(21),
            ResultJson = reader.IsDBNull(22) ? null : reader.GetString(22),
            StartTime = reader.IsDBNull(23) ? null : reader.GetInt64(23),
        };
    }

    public void Dispose()
    {
        _command.Dispose();
        _connection.Dispose();
    }
}
