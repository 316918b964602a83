namespace Refinery.Api.Json;

/// <summary>ListProcessorTasks: the total that match, and one page.</summary>
public sealed record TaskListResponse(int Count, IReadOnlyList<TaskResponse> Tasks);
