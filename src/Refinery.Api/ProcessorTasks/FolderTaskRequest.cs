using System.Text.Json;
using System.Text.Json.Nodes;
using Refinery.Engine.Tasks;
using Refinery.Operators.Pipeline;

namespace Refinery.Api.ProcessorTasks;

/// <summary>
/// A task over one folder or manifest in a few fields, as the console's create-task form and the CLI's local runs
/// take it. It is turned into the body a ModelArts client would POST, so that it is read and validated by the very
/// code that reads the API's (the same 400s, naming the same fields).
/// </summary>
public sealed record FolderTaskRequest(string TemplateId, string Name, string Source, string? WorkPath, string? TaskType)
{
    /// <summary>Creates the task in <paramref name="projectId"/> and returns its id.</summary>
    /// <exception cref="Domain.ModelArtsException">The request is invalid, as the API would answer it.</exception>
    public async Task<string> CreateAsync(ProcessorTaskService service, OperatorRegistry registry, string projectId, CancellationToken cancellationToken)
    {
        using var body = JsonDocument.Parse(ToRequestBody(registry).ToJsonString());
        return await service.CreateTaskAsync(projectId, TaskRequestReader.Read(body.RootElement, forVersion: false), cancellationToken);
    }

    public JsonObject ToRequestBody(OperatorRegistry registry)
    {
        var template = registry.Templates.FirstOrDefault(candidate => candidate.Id == TemplateId);
        // The template's default operator, else the first the registry lists for it (QualityFilter for cleaning).
        var operatorName = template?.DefaultOperator
            ?? registry.Operators.FirstOrDefault(candidate => candidate.TemplateId == TemplateId)?.Name;
        var parameters = new JsonObject();
        if (!string.IsNullOrEmpty(TaskType))
        {
            parameters["task_type"] = TaskType;
        }

        var body = new JsonObject
        {
            ["name"] = Name,
            ["inputs"] = new JsonArray(new JsonObject { ["type"] = "OBS", ["source"] = Source }),
            ["template"] = new JsonObject
            {
                ["id"] = TemplateId,
                ["operator_params"] = operatorName is null
                    ? new JsonArray()
                    : new JsonArray(new JsonObject { ["name"] = operatorName, ["params"] = parameters }),
            },
        };
        if (template is not { AnalysesInputs: true })
        {
            // An analysis starts when it is created; every other template starts with its first version.
            body["create_version"] = true;
        }

        if (!string.IsNullOrWhiteSpace(WorkPath))
        {
            body["work_path"] = new JsonObject { ["type"] = "OBS", ["path"] = WorkPath.Trim() };
        }

        return body;
    }
}
