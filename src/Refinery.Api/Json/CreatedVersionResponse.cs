namespace Refinery.Api.Json;

/// <summary>CreateProcessorTaskVersion's answer: the new task version's id.</summary>
public sealed record CreatedVersionResponse(string VersionId);
