namespace Refinery.Api.Json;

/// <summary>CreateProcessorTask's answer.</summary>
public sealed record CreatedTaskResponse(string TaskId);
