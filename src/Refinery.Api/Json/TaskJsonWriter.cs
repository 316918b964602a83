using System.Buffers;
using System.Text;
using System.Text.Json;
using Refinery.Domain;
using Refinery.Engine.Tasks;

namespace Refinery.Api.Json;

/// <summary>
/// Writes the task object of DescribeProcessorTask and ListProcessorTasks straight from a catalog row. The JSON
/// columns are stored in wire form (<see cref="Domain.Tasks.TaskJsonContext"/>: snake_case, nulls omitted), so they are
/// copied, not parsed and serialised again. Fields come in the documented order with the serialiser's omission rules.
/// </summary>
public static class TaskJsonWriter
{
    private static readonly JsonEncodedText _count = JsonEncodedText.Encode("count");
    private static readonly JsonEncodedText _tasks = JsonEncodedText.Encode("tasks");
    private static readonly JsonEncodedText _taskId = JsonEncodedText.Encode("task_id");
    private static readonly JsonEncodedText _name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText _description = JsonEncodedText.Encode("description");
    private static readonly JsonEncodedText _dataSource = JsonEncodedText.Encode("data_source");
    private static readonly JsonEncodedText _inputs = JsonEncodedText.Encode("inputs");
    private static readonly JsonEncodedText _template = JsonEncodedText.Encode("template");
    private static readonly JsonEncodedText _status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText _durationSeconds = JsonEncodedText.Encode("duration_seconds");
    private static readonly JsonEncodedText _createTime = JsonEncodedText.Encode("create_time");
    private static readonly JsonEncodedText _errorMsg = JsonEncodedText.Encode("error_msg");
    private static readonly JsonEncodedText _result = JsonEncodedText.Encode("result");
    private static readonly JsonEncodedText _versionCount = JsonEncodedText.Encode("version_count");
    private static readonly JsonEncodedText _versionId = JsonEncodedText.Encode("version_id");
    private static readonly JsonEncodedText _versionName = JsonEncodedText.Encode("version_name");
    private static readonly JsonEncodedText _workPath = JsonEncodedText.Encode("work_path");
    private static readonly JsonEncodedText _workspaceId = JsonEncodedText.Encode("workspace_id");
    private static readonly JsonEncodedText _isCurrent = JsonEncodedText.Encode("is_current");

    /// <summary>ListProcessorTasks: <c>{"count":…,"tasks":[…]}</c>.</summary>
    public static void WriteList(Utf8JsonWriter writer, int count, IReadOnlyList<TaskView> tasks, bool includeResult)
    {
        writer.WriteStartObject();
        writer.WriteNumber(_count, count);
        writer.WriteStartArray(_tasks);
        foreach (var task in tasks)
        {
            Write(writer, task, includeResult);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>One task object; <c>result</c> only when <paramref name="includeResult"/> and the task completed.</summary>
    public static void Write(Utf8JsonWriter writer, TaskView view, bool includeResult)
    {
        var task = view.Task;
        writer.WriteStartObject();
        writer.WriteString(_taskId, task.TaskId);
        writer.WriteString(_name, task.Name);
        WriteOptional(writer, _description, task.Description);
        WriteInputs(writer, task.InputsJson);
        if (IsAbsent(task.TemplateJson))
        {
            writer.WriteStartObject(_template); // what an absent template read as: an empty TemplateParam
            writer.WriteEndObject();
        }
        else
        {
            WriteStored(writer, _template, task.TemplateJson);
        }

        writer.WriteNumber(_status, task.Status);
        writer.WriteNumber(_durationSeconds, task.DurationSeconds);
        writer.WriteNumber(_createTime, task.CreateTime);
        WriteOptional(writer, _errorMsg, task.Status == (int)VersionStatus.Failed ? task.ErrorMsg : null);
        if (includeResult && task.Status == (int)VersionStatus.Completed && !IsAbsent(task.ResultJson))
        {
            WriteStored(writer, _result, task.ResultJson);
        }

        writer.WriteNumber(_versionCount, task.VersionCount);
        WriteOptional(writer, _versionId, task.DatasetVersionId);
        WriteOptional(writer, _versionName, task.DatasetVersionName);
        if (!IsAbsent(task.WorkPathJson))
        {
            WriteStored(writer, _workPath, task.WorkPathJson);
        }

        writer.WriteString(_workspaceId, task.WorkspaceId);
        writer.WriteBoolean(_isCurrent, view.IsCurrent);
        writer.WriteEndObject();
    }

    /// <summary><c>data_source</c> (the first input, when there is one) and <c>inputs</c>, from the one stored array.</summary>
    private static void WriteInputs(Utf8JsonWriter writer, string inputsJson)
    {
        if (IsAbsent(inputsJson))
        {
            writer.WriteStartArray(_inputs);
            writer.WriteEndArray();
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(inputsJson.Length));
        try
        {
            var utf8 = buffer.AsSpan(0, Encoding.UTF8.GetBytes(inputsJson, buffer));
            if (FirstElement(utf8) is var (start, length))
            {
                writer.WritePropertyName(_dataSource);
                writer.WriteRawValue(utf8.Slice(start, length), skipInputValidation: true);
            }

            writer.WritePropertyName(_inputs);
            writer.WriteRawValue(utf8, skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (int Start, int Length)? FirstElement(ReadOnlySpan<byte> array)
    {
        var reader = new Utf8JsonReader(array);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            return null;
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return (start, (int)reader.BytesConsumed - start);
    }

    // The columns are written only by our own serialiser, so they are trusted as valid JSON rather than re-validated.
    private static void WriteStored(Utf8JsonWriter writer, JsonEncodedText name, string? json)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(json!, skipInputValidation: true);
    }

    private static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    // A JSON "null" in a column reads as absent, as deserialising it did.
    private static bool IsAbsent(string? json) => json is null or "null";
}
