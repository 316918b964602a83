namespace Refinery.Api.Json;

/// <summary>GetProcessorTaskItems.</summary>
public sealed record TemplateItemsResponse(int Total, IReadOnlyList<TemplateItem> Items);
