using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Refinery.Api.Json;
using Refinery.Domain;
using Refinery.Engine.Tasks;

namespace Refinery.Api.ProcessorTasks;

/// <summary>The task routes of the processor-task API: create, list, describe, update, delete, and the template list.</summary>
public static class ProcessorTaskEndpoints
{
    public static IEndpointRouteBuilder MapProcessorTaskApi(this IEndpointRouteBuilder routes)
    {
        var tasks = routes.MapGroup("/v2/{project_id}/processor-tasks");
        tasks.MapPost("", CreateTaskAsync);
        tasks.MapGet("", ListTasksAsync);
        tasks.MapGet("/items", ListTemplates);
        // Without these, the literal "items" would be taken for a task id by the routes below.
        tasks.MapMethods("/items", [HttpMethods.Put, HttpMethods.Delete], UnknownRoute).ExcludeFromDescription();
        tasks.MapGet("/{task_id}", GetTaskAsync);
        tasks.MapPut("/{task_id}", UpdateTaskAsync);
        tasks.MapDelete("/{task_id}", DeleteTaskAsync);
        return routes;
    }

    private static async Task<JsonHttpResult<CreatedTaskResponse>> CreateTaskAsync(
        HttpContext context, ProcessorTaskService service, CancellationToken cancellationToken)
    {
        using var body = await RequestBodyReader.ReadObjectAsync(context.Request, cancellationToken);
        var definition = TaskRequestReader.Read(body.RootElement, forVersion: false);
        var taskId = await service.CreateTaskAsync(ProjectScope.Get(context), definition, cancellationToken);
        return TypedResults.Json(new CreatedTaskResponse(taskId), ApiJsonContext.Wire.CreatedTaskResponse);
    }

    private static async Task<TaskJsonResult> ListTasksAsync(
        HttpContext context, TaskQueries queries, CancellationToken cancellationToken)
    {
        var query = new QueryReader(context.Request.Query);
        var list = new TaskListQuery(
            Offset: query.Number("offset", 0, 0, int.MaxValue),
            Limit: query.Number("limit", 10, 1, 100),
            Descending: query.OneOf("order", "desc", "asc", "desc") == "desc",
            SortBy: query.OneOf("sort_by", "create_time", "create_time", "name", "duration_seconds"),
            SourceType: query.OptionalOneOf("source_type", "OBS", "TASK", "DATASET", "CUSTOM"),
            Source: query.Value("source"),
            Status: query.OptionalNumber("status", 0, 4),
            NameContains: query.Value("task_name"),
            TemplateId: query.OptionalOneOf("task_type", [.. TemplateIds.All]),
            DatasetVersionIds: query.Value("version_id")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            OnlyCurrent: query.Flag("query_current", false),
            WorkspaceId: query.Value("workspace_id") ?? "0",
            CreatedAfter: query.OptionalEpochMilliseconds("create_time_after"),
            CreatedBefore: query.OptionalEpochMilliseconds("create_time_before"));
        var returnResult = query.Flag("return_result", true);
        var (count, page) = await queries.ListTasksAsync(ProjectScope.Get(context), list, cancellationToken);
        return TaskJsonResult.List(count, page, returnResult);
    }

    private static JsonHttpResult<TemplateItemsResponse> ListTemplates(HttpContext context)
    {
        var query = new QueryReader(context.Request.Query);
        var offset = query.Number("offset", 0, 0, int.MaxValue);
        var limit = query.Number("limit", 1000, 1, 1000);
        var items = TemplateCatalog.Items.Skip(offset).Take(limit).ToList();
        return TypedResults.Json(new TemplateItemsResponse(TemplateCatalog.Items.Count, items), ApiJsonContext.Wire.TemplateItemsResponse);
    }

    private static async ValueTask<TaskJsonResult> GetTaskAsync(
        HttpContext context, [FromRoute(Name = "task_id")] string taskId, TaskQueries queries, CancellationToken cancellationToken) =>
        TaskJsonResult.One(await queries.GetTaskAsync(ProjectScope.Get(context), taskId, cancellationToken));

    private static async Task<JsonHttpResult<EmptyResponse>> UpdateTaskAsync(
        HttpContext context, [FromRoute(Name = "task_id")] string taskId, ProcessorTaskService service, CancellationToken cancellationToken)
    {
        using var body = await RequestBodyReader.ReadObjectAsync(context.Request, cancellationToken);
        var fixedFields = body.RootElement.EnumerateObject().Select(member => member.Name).Where(name => name != "description").ToList();
        if (fixedFields.Count > 0)
        {
            throw ModelArtsErrors.InvalidArgument(string.Join(", ", fixedFields), "cannot be updated; only description can");
        }

        var description = FieldRules.Description("description", JsonFields.OptionalString(body.RootElement, "description", "description"));
        await service.UpdateDescriptionAsync(ProjectScope.Get(context), taskId, description, cancellationToken);
        return TypedResults.Json(EmptyResponse.Instance, ApiJsonContext.Wire.EmptyResponse);
    }

    private static IResult UnknownRoute(HttpContext context) =>
        throw ModelArtsErrors.UnknownRoute($"{context.Request.Method} {context.Request.Path}");

    private static async Task<JsonHttpResult<EmptyResponse>> DeleteTaskAsync(
        HttpContext context, [FromRoute(Name = "task_id")] string taskId, ProcessorTaskService service, CancellationToken cancellationToken)
    {
        await service.DeleteTaskAsync(ProjectScope.Get(context), taskId, cancellationToken);
        return TypedResults.Json(EmptyResponse.Instance, ApiJsonContext.Wire.EmptyResponse);
    }
}
