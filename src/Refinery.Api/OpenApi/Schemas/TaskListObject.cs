namespace Refinery.Api.OpenApi.Schemas;

/// <summary>ListProcessorTasks' answer as <c>TaskJsonWriter</c> writes it, for the OpenAPI description.</summary>
public sealed record TaskListObject(int Count, IReadOnlyList<TaskObject> Tasks);
