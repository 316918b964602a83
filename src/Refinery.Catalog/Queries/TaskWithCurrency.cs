using Refinery.Catalog.Records;

namespace Refinery.Catalog.Queries;

/// <summary>A task as read with its <c>is_current</c> flag (see <see cref="TaskCurrency"/>).</summary>
public sealed class TaskWithCurrency
{
    public required ProcessorTaskRecord Task { get; init; }

    public required bool IsCurrent { get; init; }
}
