using System.Text.Json;
using System.Text.RegularExpressions;
using Refinery.Api.ProcessorTasks;
using Refinery.Domain;
using Refinery.Engine.Datasets;

namespace Refinery.Api.Datasets;

/// <summary>Reads create-dataset and create-dataset-version bodies, checking every documented type and rule.</summary>
public static partial class DatasetRequestReader
{
    public static DatasetDefinition ReadDataset(JsonElement body)
    {
        var name = JsonFields.RequiredString(body, "dataset_name", "dataset_name");
        if (!DatasetNamePattern().IsMatch(name))
        {
            throw ModelArtsErrors.InvalidArgument("dataset_name", "must be 1-100 characters of letters, digits, '_' and '-'");
        }

        var type = body.TryGetProperty("dataset_type", out var typeElement) && typeElement.ValueKind != JsonValueKind.Null
            ? typeElement.ValueKind == JsonValueKind.Number && typeElement.TryGetInt32(out var number) ? number
                : throw ModelArtsErrors.InvalidArgument("dataset_type", "must be an integer")
            : DatasetTypes.ImageClassification;
        var sources = JsonFields.OptionalArray(body, "data_sources", "data_sources")
            ?? throw ModelArtsErrors.InvalidArgument("data_sources", "is required");
        if (sources.GetArrayLength() != 1 || sources[0].ValueKind != JsonValueKind.Object)
        {
            throw ModelArtsErrors.InvalidArgument("data_sources", "must hold exactly one data source object");
        }

        // Any number but 0 is refused, 1e99 and 0.5 included; other JSON types are ignored as before.
        if (sources[0].TryGetProperty("data_type", out var dataType) && dataType.ValueKind == JsonValueKind.Number
            && !(dataType.TryGetInt32(out var dataTypeNumber) && dataTypeNumber == 0))
        {
            throw ModelArtsErrors.InvalidArgument("data_sources[0].data_type", $"must be 0 (OBS), got {dataType.GetRawText()}");
        }

        var workPath = JsonFields.RequiredString(body, "work_path", "work_path");
        if (workPath.Length is < 3 or > 700)
        {
            throw ModelArtsErrors.InvalidArgument("work_path", "must be 3-700 characters");
        }

        return new DatasetDefinition(
            name,
            FieldRules.Description("description", JsonFields.OptionalString(body, "description", "description")),
            type,
            JsonFields.RequiredString(sources[0], "data_path", "data_sources[0].data_path"),
            workPath,
            JsonFields.OptionalString(body, "workspace_id", "workspace_id") ?? "0");
    }

    public static (string? Name, string? Description) ReadVersion(JsonElement body)
    {
        var name = JsonFields.OptionalString(body, "version_name", "version_name");
        if (name is not null && !VersionNamePattern().IsMatch(name))
        {
            throw ModelArtsErrors.InvalidArgument("version_name", "must be 1-32 characters of letters, digits, '_' and '-'");
        }

        return (name, FieldRules.Description("description", JsonFields.OptionalString(body, "description", "description")));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex DatasetNamePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex VersionNamePattern();
}
