using System.Text.Json.Nodes;
using Refinery.Api.OpenApi.Schemas;
using Refinery.Domain;
using Refinery.Engine;
using Refinery.Engine.Tasks;

namespace Refinery.Api.Tests.Json;

/// <summary>
/// The task object as the API serialised it before <c>TaskJsonWriter</c>: parse every JSON column, map onto the
/// described <see cref="TaskObject"/>, serialise. Kept as the reference the writer must match byte for byte.
/// </summary>
public static class ReferenceTask
{
    public static TaskObject From(TaskView view, bool includeResult)
    {
        var task = view.Task;
        var inputs = TaskJson.ReadInputs(task.InputsJson);
        return new TaskObject(
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
