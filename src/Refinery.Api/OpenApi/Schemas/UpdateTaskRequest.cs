namespace Refinery.Api.OpenApi.Schemas;

/// <summary>The body of UpdateProcessorTask, for the OpenAPI description: only the description can change.</summary>
public sealed record UpdateTaskRequest(string? Description);
