using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Refinery.Api.Json;
using Refinery.Domain;
using Refinery.Engine.Hosting;

namespace Refinery.Api.Health;

/// <summary>
/// <c>/healthz</c> (the process answers) and <c>/readyz</c> (it can serve requests: catalog and buckets reachable),
/// for load balancers and orchestrators; outside <c>/v2/</c>, so they need no credential.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", Live);
        routes.MapGet("/readyz", ReadyAsync);
        return routes;
    }

    private static JsonHttpResult<HealthStatus> Live() =>
        TypedResults.Json(new HealthStatus("ok"), ApiJsonContext.Wire.HealthStatus);

    private static async Task<JsonHttpResult<HealthStatus>> ReadyAsync(ReadinessProbe probe, CancellationToken cancellationToken)
    {
        var unready = await probe.FindUnreadyAsync(cancellationToken);
        return unready.Count == 0
            ? TypedResults.Json(new HealthStatus("ready"), ApiJsonContext.Wire.HealthStatus)
            : throw ModelArtsErrors.BackendUnavailable($"not ready: {string.Join("; ", unready)}");
    }
}
