using System.Text.Json;
using System.Text.Json.Nodes;
using Refinery.Domain;
using Refinery.Domain.Tasks;
using Refinery.Engine.Tasks;

namespace Refinery.Api.ProcessorTasks;

/// <summary>
/// Reads the body of CreateProcessorTask and CreateProcessorTaskVersion into a <see cref="TaskDefinition"/>,
/// checking every documented type and rule. Unknown members are ignored, as ModelArts clients send extras.
/// </summary>
public static class TaskRequestReader
{
    private const int MaxInputs = 16;
    private const int MaxOperators = 16;

    public static TaskDefinition Read(JsonElement body, bool forVersion)
    {
        var name = FieldRules.TaskName("name", JsonFields.RequiredString(body, "name", "name"));
        var description = FieldRules.Description("description", JsonFields.OptionalString(body, "description", "description"));
        var template = JsonFields.OptionalObject(body, "template", "template") is { } templateElement ? ReadTemplate(templateElement) : null;
        if (template is null && !forVersion)
        {
            throw ModelArtsErrors.InvalidArgument("template", "is required");
        }

        var dataSource = JsonFields.OptionalObject(body, "data_source", "data_source");
        var inputsArray = JsonFields.OptionalArray(body, "inputs", "inputs");
        IReadOnlyList<ProcessorDataSource>? inputs = (dataSource, inputsArray) switch
        {
            ({ }, { }) => throw ModelArtsErrors.InvalidArgument("data_source", "give either data_source or inputs, not both"),
            ({ } single, null) => [ReadSource(single, "data_source")],
            (null, { } many) => ReadInputs(many),
            _ when forVersion => null,
            _ => throw ModelArtsErrors.InvalidArgument("inputs", "either data_source or inputs is required"),
        };

        var workPath = JsonFields.OptionalObject(body, "work_path", "work_path") is { } workPathElement ? ReadWorkPath(workPathElement) : null;
        return new TaskDefinition(
            name,
            description,
            template,
            inputs,
            UsedDataSource: dataSource is not null,
            workPath,
            JsonFields.OptionalString(body, "version_id", "version_id"),
            JsonFields.OptionalString(body, "workspace_id", "workspace_id") ?? "0",
            JsonFields.OptionalBool(body, "create_version", "create_version") ?? false);
    }

    private static TemplateParam ReadTemplate(JsonElement template)
    {
        var id = JsonFields.RequiredString(template, "id", "template.id");
        if (!TemplateIds.IsKnown(id))
        {
            throw ModelArtsErrors.InvalidArgument("template.id", $"must be one of {string.Join(", ", TemplateIds.All)}, got '{id}'");
        }

        List<OperatorParam>? operators = null;
        if (JsonFields.OptionalArray(template, "operator_params", "template.operator_params") is { } array)
        {
            if (array.GetArrayLength() > MaxOperators)
            {
                throw ModelArtsErrors.InvalidArgument("template.operator_params", $"must have at most {MaxOperators} operators");
            }

            operators = [.. array.EnumerateArray().Select((element, index) => ReadOperator(element, $"template.operator_params[{index}]"))];
        }

        return new TemplateParam(id, JsonFields.OptionalString(template, "name", "template.name"), operators);
    }

    private static OperatorParam ReadOperator(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw ModelArtsErrors.InvalidArgument(path, "must be an object");
        }

        var parameters = JsonFields.OptionalObject(element, "params", $"{path}.params") is { } values
            ? JsonNode.Parse(values.GetRawText())!.AsObject()
            : null;
        return new OperatorParam(
            JsonFields.OptionalString(element, "id", $"{path}.id"),
            JsonFields.OptionalString(element, "name", $"{path}.name"),
            JsonFields.OptionalBool(element, "advanced_params_switch", $"{path}.advanced_params_switch"),
            parameters);
    }

    private static List<ProcessorDataSource> ReadInputs(JsonElement array)
    {
        var count = array.GetArrayLength();
        if (count is 0 or > MaxInputs)
        {
            throw ModelArtsErrors.InvalidArgument("inputs", $"must hold 1-{MaxInputs} data sources, got {count}");
        }

        return [.. array.EnumerateArray().Select((element, index) => ReadSource(element, $"inputs[{index}]"))];
    }

    private static ProcessorDataSource ReadSource(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw ModelArtsErrors.InvalidArgument(path, "must be an object");
        }

        var type = JsonFields.RequiredString(element, "type", $"{path}.type");
        if (!SourceTypes.IsKnown(type))
        {
            throw ModelArtsErrors.InvalidArgument($"{path}.type", $"must be OBS, TASK, DATASET or CUSTOM, got '{type}'");
        }

        return new ProcessorDataSource(
            type,
            JsonFields.RequiredString(element, "source", $"{path}.source"),
            JsonFields.OptionalString(element, "version_id", $"{path}.version_id"),
            JsonFields.OptionalString(element, "version_name", $"{path}.version_name"),
            JsonFields.OptionalString(element, "name", $"{path}.name"));
    }

    private static WorkPath ReadWorkPath(JsonElement element)
    {
        var type = JsonFields.RequiredString(element, "type", "work_path.type");
        if (type is not (SourceTypes.Obs or SourceTypes.Dataset))
        {
            throw ModelArtsErrors.InvalidArgument("work_path.type", $"must be OBS or DATASET, got '{type}'");
        }

        return new WorkPath(
            type,
            JsonFields.RequiredString(element, "path", "work_path.path"),
            JsonFields.OptionalString(element, "name", "work_path.name"),
            OutputPath: null, // chosen by the server per version
            JsonFields.OptionalString(element, "version_id", "work_path.version_id"),
            FieldRules.VersionName("work_path.version_name", JsonFields.OptionalString(element, "version_name", "work_path.version_name")));
    }
}
