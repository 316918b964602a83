using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Refinery.Api.Json;
using Refinery.Api.ProcessorTasks;
using Refinery.Catalog.Records;
using Refinery.Domain;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Tasks;

namespace Refinery.Api.Events;

/// <summary>
/// <c>GET …/versions/{version_id}/events</c>: a server-sent-events stream of one version. Each event (type
/// <c>version</c>) holds the version object as <c>GET …/versions/{version_id}</c> returns it, sent when its status or
/// progress changes; the stream ends after the event with a final status (completed, failed, stopped), or when the
/// version is deleted.
/// </summary>
public static class VersionEventEndpoints
{
    public const string EventType = "version";

    /// <summary>How often the catalog is read for changes: often enough for a progress bar, rarely enough to cost nothing.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static IEndpointRouteBuilder MapVersionEvents(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}/events", StreamAsync);
        return routes;
    }

    private static async Task<ServerSentEventsResult<string>> StreamAsync(
        HttpContext context,
        [FromRoute(Name = "task_id")] string taskId,
        [FromRoute(Name = "version_id")] string versionId,
        TaskQueries queries,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var projectId = ProjectScope.Get(context);
        // Read once before the stream starts, so an unknown version is an ordinary 404 error body.
        var first = await queries.GetVersionAsync(projectId, taskId, versionId, cancellationToken);
        return TypedResults.ServerSentEvents(ChangesAsync(first, () => FindAsync(queries, projectId, taskId, versionId, cancellationToken), clock, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<string>> ChangesAsync(
        TaskVersionRecord first, Func<Task<TaskVersionRecord?>> reread, TimeProvider clock, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TaskVersionRecord? version = first;
        (int Status, int Processed, int? Total)? sent = null;
        while (version is not null)
        {
            var state = (version.Status, version.ProcessedSamples, version.TotalSamples);
            if (state != sent)
            {
                sent = state;
                var response = ResponseMapper.ToResponse(version, clock.GetUtcNow().ToUnixTimeMilliseconds());
                yield return new SseItem<string>(JsonSerializer.Serialize(response, ApiJsonContext.Wire.VersionResponse), EventType);
            }

            if (!VersionLifecycle.IsActive(version))
            {
                yield break;
            }

            await Task.Delay(PollInterval, clock, cancellationToken);
            version = await reread();
        }
    }

    /// <summary>The version now, or null once it is gone (deleted with its task): the stream then simply ends.</summary>
    private static async Task<TaskVersionRecord?> FindAsync(
        TaskQueries queries, string projectId, string taskId, string versionId, CancellationToken cancellationToken)
    {
        try
        {
            return await queries.GetVersionAsync(projectId, taskId, versionId, cancellationToken);
        }
        catch (ModelArtsException error) when (error.HttpStatus == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }
}
