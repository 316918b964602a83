using Microsoft.AspNetCore.Builder;
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

    public static IServiceCollection AddRefineryMetrics(this IServiceCollection services) =>
        services.AddSingleton<VersionStatusGauge>();

    /// <summary>Counts every request; call it first, so that it sees the status the error middleware settles on.</summary>
    public static WebApplication UseRefineryRequestMetrics(this WebApplication app)
    {
        app.UseHttpMetrics();
        return app;
    }

    public static WebApplication MapRefineryMetrics(this WebApplication app)
    {
        var gauge = app.Services.GetRequiredService<VersionStatusGauge>();
        app.UseWhen(
            context => context.Request.Path.Equals(Path, StringComparison.Ordinal),
            scrape => scrape.Use(async (context, next) =>
            {
                await gauge.RefreshAsync(context.RequestAborted);
                await next(context);
            }));
        app.MapMetrics(Path);
        return app;
    }
}
