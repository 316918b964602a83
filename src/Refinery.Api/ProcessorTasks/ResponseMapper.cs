using System.Text.Json.Nodes;
using Refinery.Api.Json;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Domain.Tasks;
using Refinery.Engine;
using Refinery.Engine.Lifecycle;

namespace Refinery.Api.ProcessorTasks;

/// <summary>Maps catalog records onto the documented response objects.</summary>
public static class ResponseMapper
{
    public static VersionResponse ToResponse(TaskVersionRecord version, long now)
    {
        var completed = version.Status == (int)VersionStatus.Completed;
        return new VersionResponse(
            version.VersionId,
            version.TaskId,
            version.VersionName,
            version.Description,
            version.Status,
            version.CreateTime,
            version.UpdateTime,
            RunDuration.Seconds(version.Status, version.StartTime, version.DurationSeconds, now),
            TaskJson.ReadInputs(version.InputsJson),
            PublishedWorkPath(version, completed),
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

    /// <summary>The work path, with <c>output_path</c> only once the version has published there.</summary>
    private static WorkPath? PublishedWorkPath(TaskVersionRecord version, bool completed)
    {
        var workPath = TaskJson.ReadWorkPath(version.WorkPathJson);
        return completed || workPath is null ? workPath : workPath with { OutputPath = null };
    }

    private static JsonNode? ParseOrNull(string? json) => json is null ? null : JsonNode.Parse(json);
}
