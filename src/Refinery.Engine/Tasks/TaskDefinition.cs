using Refinery.Domain.Tasks;

namespace Refinery.Engine.Tasks;

/// <summary>A validated create-task (or create-version) request, in domain terms.</summary>
/// <param name="Name">Task name (for a version: the name the request repeats).</param>
/// <param name="Template">Null on a version request that inherits the task's template.</param>
/// <param name="Inputs">Null on a version request that inherits the task's inputs.</param>
/// <param name="UsedDataSource">The request gave <c>data_source</c> rather than <c>inputs</c>.</param>
public sealed record TaskDefinition(
    string Name,
    string? Description,
    TemplateParam? Template,
    IReadOnlyList<ProcessorDataSource>? Inputs,
    bool UsedDataSource,
    WorkPath? WorkPath,
    string? DatasetVersionId,
    string WorkspaceId,
    bool CreateVersion);
