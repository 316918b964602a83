using System.Text.Json;
using Refinery.Domain.Tasks;

namespace Refinery.Engine;

/// <summary>Reads and writes the JSON columns the catalog keeps for tasks and versions.</summary>
public static class TaskJson
{
    public static TemplateParam ReadTemplate(string json) =>
        JsonSerializer.Deserialize(json, TaskJsonContext.Wire.TemplateParam) ?? new TemplateParam();

    public static IReadOnlyList<ProcessorDataSource> ReadInputs(string json) =>
        JsonSerializer.Deserialize(json, TaskJsonContext.Wire.ListProcessorDataSource) ?? [];

    public static WorkPath? ReadWorkPath(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, TaskJsonContext.Wire.WorkPath);

    public static string Write(TemplateParam template) => JsonSerializer.Serialize(template, TaskJsonContext.Wire.TemplateParam);

    public static string Write(IReadOnlyList<ProcessorDataSource> inputs) =>
        JsonSerializer.Serialize(inputs.ToList(), TaskJsonContext.Wire.ListProcessorDataSource);

    public static string? Write(WorkPath? workPath) =>
        workPath is null ? null : JsonSerializer.Serialize(workPath, TaskJsonContext.Wire.WorkPath);
}
