namespace Refinery.Domain.Tasks;

/// <summary>Where a task writes its output (<c>work_path</c>).</summary>
public sealed record WorkPath(
    string? Type = null,
    string? Path = null,
    string? Name = null,
    string? OutputPath = null,
    string? VersionId = null,
    string? VersionName = null);
