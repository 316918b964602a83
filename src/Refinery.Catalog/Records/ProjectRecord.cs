namespace Refinery.Catalog.Records;

/// <summary>A tenant: every task, version and credential belongs to exactly one project.</summary>
public sealed class ProjectRecord
{
    public required string ProjectId { get; set; }

    public required string Name { get; set; }

    public long CreateTime { get; set; }
}
