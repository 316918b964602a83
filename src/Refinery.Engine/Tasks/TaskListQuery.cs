namespace Refinery.Engine.Tasks;

/// <summary>The filters, sort and page of <c>GET /processor-tasks</c>, already range-checked.</summary>
public sealed record TaskListQuery(
    int Offset,
    int Limit,
    bool Descending,
    string SortBy,
    string? SourceType,
    string? Source,
    int? Status,
    string? NameContains,
    string? TemplateId,
    IReadOnlyList<string>? DatasetVersionIds,
    bool OnlyCurrent,
    string WorkspaceId,
    long? CreatedAfter,
    long? CreatedBefore);
