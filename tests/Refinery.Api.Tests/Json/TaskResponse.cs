using System.Text.Json.Nodes;
using Refinery.Domain.Tasks;

namespace Refinery.Api.Json;

/// <summary>DescribeProcessorTaskResp: the task object of the seed document, field for field.</summary>
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
    bool IsCurrent);
