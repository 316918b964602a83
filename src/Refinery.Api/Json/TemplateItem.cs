namespace Refinery.Api.Json;

/// <summary>One entry of GetProcessorTaskItems.</summary>
public sealed record TemplateItem(string TemplateId, string LabelZh, string LabelEn);
