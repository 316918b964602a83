using System.Text.Json.Nodes;
using Refinery.Domain;
using Refinery.Domain.Tasks;
using Refinery.Engine;
using Refinery.Engine.Tasks;

namespace Refinery.Api.Tests.Json;

/// <summary>
/// The task object as the API serialised it before <c>TaskJsonWriter</c>: parse every JSON column, map, serialise.
/// Kept as the reference the writer must match byte for byte.
/// </summary>
public sealed record TaskResponse(
    string TaskId,
    string Name,
    string? Description,
    ProcessorDataSource? DataSource,
    IReadOnlyList<ProcessorDataSource> Inputs,
    TemplateParam Template,
    int Status,
    int DurationSeconds,
    long CreateTime,
    string? ErrorMsg,
    JsonNode? Result,
    int VersionCount,
    string? VersionId,
    string? VersionName,
    WorkPath? WorkPath,
    string WorkspaceId,
    bool IsCurrent)
{
    public static TaskResponse From(TaskView view, bool includeResult)
    {
        var task = view.Task;
        var inputs = TaskJson.ReadInputs(task.InputsJson);
        return new TaskResponse(
            task.TaskId,
            task.Name,
            task.Description,
            inputs.Count > 0 ? inputs[0] : null,
            inputs,
            TaskJson.ReadTemplate(task.TemplateJson),
            task.Status,
            task.DurationSeconds,
            task.CreateTime,
            task.Status == (int)VersionStatus.Failed ? task.ErrorMsg : null,
            includeResult && task.Status == (int)VersionStatus.Completed && task.ResultJson is { } json ? JsonNode.Parse(json) : null,
            task.VersionCount,
            task.DatasetVersionId,
            task.DatasetVersionName,
            TaskJson.ReadWorkPath(task.WorkPathJson),
            task.WorkspaceId,
            view.IsCurrent);
    }
}
