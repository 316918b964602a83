using Refinery.Catalog.Records;

namespace Refinery.Engine.Tasks;

/// <summary>A task as read for a response, with <c>is_current</c> worked out.</summary>
public sealed record TaskView(ProcessorTaskRecord Task, bool IsCurrent);
