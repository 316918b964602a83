using Refinery.Domain.Tasks;

namespace Refinery.Api.OpenApi.Schemas;

/// <summary>The body of CreateProcessorTaskVersion, for the OpenAPI description; every field omitted is inherited from the task.</summary>
public sealed record CreateVersionRequest(
    string Name,
    string? Description,
    ProcessorDataSource? DataSource,
    IReadOnlyList<ProcessorDataSource>? Inputs,
    WorkPath? WorkPath,
    TemplateParam? Template,
    string? VersionId,
    string? WorkspaceId);
