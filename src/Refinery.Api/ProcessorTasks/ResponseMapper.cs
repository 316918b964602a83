using System.Text.Json.Nodes;
using Refinery.Api.Json;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Engine;
using Refinery.Engine.Tasks;

namespace Refinery.Api.ProcessorTasks;

/// <summary>Maps catalog records onto the documented response objects.</summary>
public static class ResponseMapper
{
    public static TaskResponse ToResponse(TaskView view, bool includeResult)
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
            includeResult && task.Status == (int)VersionStatus.Completed ? ParseOrNull(task.ResultJson) : null,
            task.VersionCount,
            task.DatasetVersionId,
            task.DatasetVersionName,
            TaskJson.ReadWorkPath(task.WorkPathJson),
            task.WorkspaceId,
            view.IsCurrent);
    }

    public static VersionResponse ToResponse(TaskVersionRecord version, long now)
    {
        var running = version.Status == (int)VersionStatus.Running;
        var completed = version.Status == (int)VersionStatus.Completed;
        return new VersionResponse(
            version.VersionId,
            version.TaskId,
            version.VersionName,
            version.Description,
            version.Status,
            version.CreateTime,
            version.UpdateTime,
            running && version.StartTime is { } start ? (int)((now - start) / 1000) : version.DurationSeconds,
            TaskJson.ReadInputs(version.InputsJson),
            TaskJson.ReadWorkPath(version.WorkPathJson),
            TaskJson.ReadTemplate(version.TemplateJson),
            completed ? version.OriginSampleCount : null,
            completed ? version.AddSampleCount : null,
            completed ? version.ModifiedSampleCount : null,
            completed ? version.UnmodifiedSampleCount : null,
            completed ? version.DeletedSampleCount : null,
            version.Status == (int)VersionStatus.Failed ? version.ErrorMsg : null,
            completed ? ParseOrNull(version.ResultJson) : null,
            version.StartTime,
            version.EndTime,
            new VersionProgress(version.ProcessedSamples, version.TotalSamples));
    }

    public static SampleResultResponse ToResponse(SampleResultRecord result, string? signedOriginSource, string? signedNewSource) => new(
        result.SampleId,
        result.VersionId,
        result.OriginSource,
        result.NewSource,
        signedOriginSource,
        signedNewSource,
        result.ResultProperty,
        JsonNode.Parse(result.DescriptionJson),
        ParseOrNull(result.ValuesJson));

    private static JsonNode? ParseOrNull(string? json) => json is null ? null : JsonNode.Parse(json);
}
