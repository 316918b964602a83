using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace Refinery.Api.Observability;

/// <summary>
/// Prometheus metrics on <c>/metrics</c>, outside <c>/v2/</c> and so without credentials: HTTP requests by route and
/// code, task versions by status, samples processed and per-operator durations (the engine's
/// <c>System.Diagnostics.Metrics</c> instruments), and the .NET process's own.
/// </summary>
public static class MetricsEndpoints
{
    public const string Path = "/metrics";

    /// <summary>The Prometheus text exposition format, version 0.0.4.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static IServiceCollection AddRefineryMetrics(this IServiceCollection services) =>
        services.AddSingleton<VersionStatusGauge>();

    /// <summary>Counts every request; call it first, so that it sees the status the error middleware settles on.</summary>
    public static WebApplication UseRefineryRequestMetrics(this WebApplication app)
    {
        app.UseHttpMetrics();
        return app;
    }

    /// <summary>
    /// prometheus-net starts listening to the engine's meter at its first collection, and whatever the engine counted
    /// before that is lost; collecting once at start makes every figure count from the process's start.
    /// </summary>
    public static Task ListenFromStartAsync(CancellationToken cancellationToken) =>
        Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null, cancellationToken);

    public static IEndpointRouteBuilder MapRefineryMetrics(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, ScrapeAsync);
        return routes;
    }

    private static async Task ScrapeAsync(HttpContext context, VersionStatusGauge versions, CancellationToken cancellationToken)
    {
        await versions.RefreshAsync(cancellationToken);
        context.Response.ContentType = ContentType;
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(context.Response.Body, cancellationToken);
    }
}
