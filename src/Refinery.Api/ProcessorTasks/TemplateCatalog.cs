using Refinery.Api.Json;
using Refinery.Domain;

namespace Refinery.Api.ProcessorTasks;

/// <summary>The processing templates GetProcessorTaskItems lists, in the documented order.</summary>
public static class TemplateCatalog
{
    public static IReadOnlyList<TemplateItem> Items { get; } =
    [
        new(TemplateIds.Cleaning, "数据清洗", "data cleaning"),
        new(TemplateIds.Validation, "数据校验", "data validation"),
        new(TemplateIds.Selection, "数据选择", "data selection"),
        new(TemplateIds.Augmentation, "数据增强", "data augmentation"),
    ];
}
