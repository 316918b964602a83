namespace Refinery.Domain;

/// <summary>The five ModelArts processing template ids.</summary>
public static class TemplateIds
{
    public const string Analyse = "sys_data_analyse";
    public const string Cleaning = "sys_data_cleaning";
    public const string Augmentation = "sys_data_augmentation";
    public const string Validation = "sys_data_validation";
    public const string Selection = "sys_data_selection";

    public static IReadOnlyList<string> All { get; } = [Analyse, Cleaning, Augmentation, Validation, Selection];

    public static bool IsKnown(string? id) => id is not null && All.Contains(id, StringComparer.Ordinal);
}
