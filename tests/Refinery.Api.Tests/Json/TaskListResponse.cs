namespace Refinery.Api.Tests.Json;

/// <summary>ListProcessorTasks as the API serialised it before <c>TaskJsonWriter</c>: the reference for the list form.</summary>
public sealed record TaskListResponse(int Count, IReadOnlyList<TaskResponse> Tasks);
