namespace Refinery.Api.Json;

/// <summary>ListProcessorTaskVersionResults.</summary>
public sealed record ResultListResponse(int Count, bool HasMore, IReadOnlyList<SampleResultResponse> Results);
