using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Refinery.Api.Json;
using Refinery.Api.SignedLinks;
using Refinery.Engine.Tasks;

namespace Refinery.Api.ProcessorTasks;

/// <summary>The version routes: create, list, describe, delete, results and stop.</summary>
public static class TaskVersionEndpoints
{
    public static IEndpointRouteBuilder MapTaskVersionApi(this IEndpointRouteBuilder routes)
    {
        var versions = routes.MapGroup("/v2/{project_id}/processor-tasks/{task_id}/versions");
        versions.MapPost("", CreateVersionAsync);
        versions.MapGet("", ListVersionsAsync);
        versions.MapGet("/{version_id}", GetVersionAsync);
        versions.MapDelete("/{version_id}", DeleteVersionAsync);
        versions.MapGet("/{version_id}/results", ListResultsAsync);
        versions.MapPost("/{version_id}/stop", StopVersionAsync);
        return routes;
    }

    private static async Task<JsonHttpResult<CreatedVersionResponse>> CreateVersionAsync(
        HttpContext context, [FromRoute(Name = "task_id")] string taskId, ProcessorTaskService service, CancellationToken cancellationToken)
    {
        using var body = await RequestBodyReader.ReadObjectAsync(context.Request, cancellationToken);
        var definition = TaskRequestReader.Read(body.RootElement, forVersion: true);
        var versionId = await service.CreateVersionAsync(ProjectScope.Get(context), taskId, definition, cancellationToken);
        return TypedResults.Json(new CreatedVersionResponse(versionId), ApiJsonContext.Wire.CreatedVersionResponse);
    }

    private static async Task<JsonHttpResult<VersionListResponse>> ListVersionsAsync(
        HttpContext context, [FromRoute(Name = "task_id")] string taskId, TaskQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        var query = new QueryReader(context.Request.Query);
        var offset = query.Number("offset", 0, 0, int.MaxValue);
        var limit = query.Number("limit", 100, 1, 100);
        var descending = query.OneOf("order", "desc", "asc", "desc") == "desc";
        var sortBy = query.OneOf("sort_by", "create_time", "create_time", "version_name");
        var (count, versions) = await queries.ListVersionsAsync(ProjectScope.Get(context), taskId, offset, limit, sortBy, descending, cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return TypedResults.Json(
            new VersionListResponse(count, [.. versions.Select(version => ResponseMapper.ToResponse(version, now))]),
            ApiJsonContext.Wire.VersionListResponse);
    }

    private static async Task<JsonHttpResult<VersionResponse>> GetVersionAsync(
        HttpContext context, [FromRoute(Name = "task_id")] string taskId, [FromRoute(Name = "version_id")] string versionId, TaskQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        var version = await queries.GetVersionAsync(ProjectScope.Get(context), taskId, versionId, cancellationToken);
        return TypedResults.Json(ResponseMapper.ToResponse(version, clock.GetUtcNow().ToUnixTimeMilliseconds()), ApiJsonContext.Wire.VersionResponse);
    }

    private static async Task<NoContent> DeleteVersionAsync(
        HttpContext context, [FromRoute(Name = "task_id")] string taskId, [FromRoute(Name = "version_id")] string versionId, ProcessorTaskService service, CancellationToken cancellationToken)
    {
        await service.DeleteVersionAsync(ProjectScope.Get(context), taskId, versionId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<JsonHttpResult<ResultListResponse>> ListResultsAsync(
        HttpContext context, [FromRoute(Name = "task_id")] string taskId, [FromRoute(Name = "version_id")] string versionId, TaskQueries queries, ISignedUrlFactory links, CancellationToken cancellationToken)
    {
        var query = new QueryReader(context.Request.Query);
        var offset = query.Number("offset", 0, 0, int.MaxValue);
        var limit = query.Number("limit", 10, 1, 100);
        var property = query.Number("result_property", -1, -1, 3);
        var resize = ProcessParameter.Parse("process_parameter", query.Value("process_parameter"));
        var page = await queries.ListResultsAsync(
            ProjectScope.Get(context), taskId, versionId, property == -1 ? null : property, flagKey: null, offset, limit, cancellationToken);
        var hasMore = offset + page.Results.Count < page.Count;
        // Links this server serves must work for the client that asked, so they use the host it reached us by.
        var origin = new Uri(UriHelper.BuildAbsolute(context.Request.Scheme, context.Request.Host, context.Request.PathBase));
        var results = page.Results.Select(result => ResponseMapper.ToResponse(
            result,
            links.Create(result.OriginSource, resize, origin),
            result.NewSource is { } output ? links.Create(output, resize, origin) : null));
        return TypedResults.Json(
            new ResultListResponse(page.Count, hasMore, [.. results]),
            ApiJsonContext.Wire.ResultListResponse);
    }

    private static async Task<JsonHttpResult<EmptyResponse>> StopVersionAsync(
        HttpContext context, [FromRoute(Name = "task_id")] string taskId, [FromRoute(Name = "version_id")] string versionId, ProcessorTaskService service, CancellationToken cancellationToken)
    {
        await service.StopVersionAsync(ProjectScope.Get(context), taskId, versionId, cancellationToken);
        return TypedResults.Json(EmptyResponse.Instance, ApiJsonContext.Wire.EmptyResponse);
    }
}
