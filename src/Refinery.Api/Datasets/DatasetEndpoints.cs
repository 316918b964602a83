using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Refinery.Api.ProcessorTasks;
using Refinery.Engine.Datasets;

namespace Refinery.Api.Datasets;

/// <summary>The dataset routes processing depends on: datasets (create, list, get, delete) and their versions.</summary>
public static class DatasetEndpoints
{
    public static IEndpointRouteBuilder MapDatasetApi(this IEndpointRouteBuilder routes)
    {
        var datasets = routes.MapGroup("/v2/{project_id}/datasets");
        datasets.MapPost("", CreateAsync);
        datasets.MapGet("", ListAsync);
        datasets.MapGet("/{dataset_id}", GetAsync);
        datasets.MapDelete("/{dataset_id}", DeleteAsync);
        datasets.MapPost("/{dataset_id}/versions", CreateVersionAsync);
        datasets.MapGet("/{dataset_id}/versions", ListVersionsAsync);
        datasets.MapGet("/{dataset_id}/versions/{version_id}", GetVersionAsync);
        return routes;
    }

    private static async Task<JsonHttpResult<CreatedDatasetResponse>> CreateAsync(
        HttpContext context, DatasetService service, CancellationToken cancellationToken)
    {
        using var body = await RequestBodyReader.ReadObjectAsync(context.Request, cancellationToken);
        var dataset = await service.CreateAsync(ProjectScope.Get(context), DatasetRequestReader.ReadDataset(body.RootElement), cancellationToken);
        return TypedResults.Json(
            new CreatedDatasetResponse(dataset.DatasetId, dataset.ImportTaskId), DatasetJsonContext.Wire.CreatedDatasetResponse, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<JsonHttpResult<DatasetListResponse>> ListAsync(
        HttpContext context, DatasetService service, CancellationToken cancellationToken)
    {
        var query = new QueryReader(context.Request.Query);
        var withLabels = query.Flag("with_labels", false);
        var (total, page) = await service.ListAsync(
            ProjectScope.Get(context),
            new DatasetListQuery(
                query.Number("offset", 0, 0, int.MaxValue),
                query.Number("limit", 10, 1, 100),
                ByName: query.OneOf("sort_by", "create_time", "create_time", "dataset_name") == "dataset_name",
                Descending: query.OneOf("order", "desc", "asc", "desc") == "desc",
                NameContains: query.Value("search_content"),
                DatasetType: query.OptionalNumber("dataset_type", 0, 900),
                WorkspaceId: query.Value("workspace_id") ?? "0"),
            cancellationToken);
        return TypedResults.Json(
            new DatasetListResponse(total, [.. page.Select(dataset => DatasetResponseMapper.ToResponse(dataset, current: null, withLabels))]),
            DatasetJsonContext.Wire.DatasetListResponse);
    }

    private static async Task<JsonHttpResult<DatasetResponse>> GetAsync(
        HttpContext context, [FromRoute(Name = "dataset_id")] string datasetId, DatasetService service, CancellationToken cancellationToken)
    {
        var projectId = ProjectScope.Get(context);
        var dataset = await service.GetAsync(projectId, datasetId, cancellationToken);
        var current = dataset.CurrentVersionId is { } currentId ? await service.GetVersionAsync(projectId, datasetId, currentId, cancellationToken) : null;
        return TypedResults.Json(DatasetResponseMapper.ToResponse(dataset, current, withLabels: true), DatasetJsonContext.Wire.DatasetResponse);
    }

    private static async Task<NoContent> DeleteAsync(
        HttpContext context, [FromRoute(Name = "dataset_id")] string datasetId, DatasetService service, CancellationToken cancellationToken)
    {
        await service.DeleteAsync(ProjectScope.Get(context), datasetId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<JsonHttpResult<CreatedDatasetVersionResponse>> CreateVersionAsync(
        HttpContext context, [FromRoute(Name = "dataset_id")] string datasetId, DatasetService service, CancellationToken cancellationToken)
    {
        // Every field of this body is optional, so an empty body is as good as {}.
        var (name, description) = context.Request.ContentLength is 0 or null && !context.Request.Headers.ContainsKey("Transfer-Encoding")
            ? (null, null)
            : await ReadVersionBodyAsync(context, cancellationToken);
        var version = await service.CreateVersionAsync(ProjectScope.Get(context), datasetId, name, description, cancellationToken);
        return TypedResults.Json(
            new CreatedDatasetVersionResponse(version.VersionId), DatasetJsonContext.Wire.CreatedDatasetVersionResponse, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<(string?, string?)> ReadVersionBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        using var body = await RequestBodyReader.ReadObjectAsync(context.Request, cancellationToken);
        return DatasetRequestReader.ReadVersion(body.RootElement);
    }

    private static async Task<JsonHttpResult<DatasetVersionListResponse>> ListVersionsAsync(
        HttpContext context, [FromRoute(Name = "dataset_id")] string datasetId, DatasetService service, CancellationToken cancellationToken)
    {
        var query = new QueryReader(context.Request.Query);
        var projectId = ProjectScope.Get(context);
        var dataset = await service.GetAsync(projectId, datasetId, cancellationToken);
        var (total, versions) = await service.ListVersionsAsync(
            projectId, datasetId, query.Number("offset", 0, 0, int.MaxValue), query.Number("limit", 1000, 1, 1000), cancellationToken);
        return TypedResults.Json(
            new DatasetVersionListResponse(total, [.. versions.Select(version => DatasetResponseMapper.ToResponse(version, dataset))]),
            DatasetJsonContext.Wire.DatasetVersionListResponse);
    }

    private static async Task<JsonHttpResult<DatasetVersionResponse>> GetVersionAsync(
        HttpContext context,
        [FromRoute(Name = "dataset_id")] string datasetId,
        [FromRoute(Name = "version_id")] string versionId,
        DatasetService service,
        CancellationToken cancellationToken)
    {
        var projectId = ProjectScope.Get(context);
        var dataset = await service.GetAsync(projectId, datasetId, cancellationToken);
        var version = await service.GetVersionAsync(projectId, datasetId, versionId, cancellationToken);
        return TypedResults.Json(DatasetResponseMapper.ToResponse(version, dataset), DatasetJsonContext.Wire.DatasetVersionResponse);
    }
}
