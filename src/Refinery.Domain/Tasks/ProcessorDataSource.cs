namespace Refinery.Domain.Tasks;

/// <summary>One input of a task (<c>data_source</c> or an element of <c>inputs</c>).</summary>
public sealed record ProcessorDataSource(
    string? Type = null,
    string? Source = null,
    string? VersionId = null,
    string? VersionName = null,
    string? Name = null);
