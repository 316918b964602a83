using System.Text.Json.Nodes;
using Refinery.Domain.Tasks;

namespace Refinery.Api.OpenApi.Schemas;

/// <summary>
/// The task object <c>TaskJsonWriter</c> writes straight into the response, for the OpenAPI description; the schema
/// test checks real responses against it, so the two cannot drift apart.
/// </summary>
public sealed record TaskObject(
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
