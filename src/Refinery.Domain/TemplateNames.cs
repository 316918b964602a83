namespace Refinery.Domain;

/// <summary>
/// The name ModelArts shows for each template (<c>template.name</c>). The API reference only prints placeholders,
/// so these are the ModelArts console's names.
/// </summary>
public static class TemplateNames
{
    public static string Of(string templateId) => templateId switch
    {
        TemplateIds.Analyse => "Feature analysis",
        TemplateIds.Validation => "Data validation",
        TemplateIds.Cleaning => "Data cleaning",
        TemplateIds.Selection => "Data selection",
        TemplateIds.Augmentation => "Data augmentation",
        _ => throw new ArgumentOutOfRangeException(nameof(templateId), templateId, "not a ModelArts template id"),
    };
}
