using System.Text.Json.Nodes;
using Refinery.Domain.Tasks;

namespace Refinery.Api.Json;

/// <summary>DescTaskVersionResp, plus Refinery's additive timeline and progress fields.</summary>
public sealed record VersionResponse(
    string TaskVersionId,
    string TaskId,
    string VersionName,
    string? Description,
    int Status,
    long CreateTime,
    long UpdateTime,
    int DurationSeconds,
    IReadOnlyList<ProcessorDataSource> Inputs,
    WorkPath? WorkPath,
    TemplateParam Template,
    int? OriginSampleCount,
    int? AddSampleCount,
    int? ModifiedSampleCount,
    int? UnmodifiedSampleCount,
    int? DeletedSampleCount,
    string? ErrorMsg,
    JsonNode? Result,
    long? StartTime,
    long? EndTime,
    VersionProgress Progress);
