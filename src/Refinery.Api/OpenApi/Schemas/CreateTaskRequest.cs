using Refinery.Domain.Tasks;

namespace Refinery.Api.OpenApi.Schemas;

/// <summary>The body of CreateProcessorTask, for the OpenAPI description (the handler reads it field by field, strictly).</summary>
public sealed record CreateTaskRequest(
    string Name,
    string? Description,
    ProcessorDataSource? DataSource,
    IReadOnlyList<ProcessorDataSource>? Inputs,
    WorkPath? WorkPath,
    TemplateParam Template,
    string? VersionId,
    string? WorkspaceId,
    bool? CreateVersion);
