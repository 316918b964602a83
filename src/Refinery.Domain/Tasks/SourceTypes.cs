namespace Refinery.Domain.Tasks;

/// <summary>The values of <c>ProcessorDataSource.type</c> and <c>WorkPath.type</c>.</summary>
public static class SourceTypes
{
    public const string Obs = "OBS";
    public const string Task = "TASK";
    public const string Dataset = "DATASET";
    public const string Custom = "CUSTOM";

    public static bool IsKnown(string? value) => value is Obs or Task or Dataset or Custom;
}
