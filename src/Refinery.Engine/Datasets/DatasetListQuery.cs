namespace Refinery.Engine.Datasets;

/// <summary>The filters, sort and page of <c>GET /datasets</c>, already range-checked.</summary>
/// <param name="NameContains">search_content: a case-insensitive substring of the name.</param>
/// <param name="DatasetType">Only datasets of this type, when given.</param>
public sealed record DatasetListQuery(
    int Offset,
    int Limit,
    bool ByName,
    bool Descending,
    string? NameContains,
    int? DatasetType,
    string WorkspaceId);
