using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;
using Refinery.Api.Json;
using Refinery.Api.Observability;
using Refinery.Engine.Hosting;

namespace Refinery.Api.Health;

/// <summary>
/// The optional port of <c>refinery worker --health-urls</c>, which answers nothing but <c>/healthz</c> (the job
/// server runs and the catalog answers), <c>/readyz</c> (and every bucket can be reached) and <c>/metrics</c> (the
/// engine's instruments and the .NET process's): a worker serves no API, so none of the API's routes, middleware or
/// credentials are here. A probe that fails answers 503 with what is wrong.
/// </summary>
public static class WorkerHealthPort
{
    private const string JobServerStopped = "job server (not running)";

    /// <summary>The worker's host, with the engine's services, listening on <paramref name="urls"/> for the probes only.</summary>
    public static WebApplication Build(EngineHostOptions options, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        // Every probe is a request: logging each would drown the worker's own lines.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddRefineryEngine(options);
        builder.Services.AddSingleton<ReadinessProbe>();
        var app = builder.Build();
        app.MapGet("/healthz", LiveAsync);
        app.MapGet("/readyz", ReadyAsync);
        app.MapMetrics(MetricsEndpoints.Path);
        return app;
    }

    private static async Task<JsonHttpResult<HealthStatus>> LiveAsync(JobServerHostedService jobs, ReadinessProbe probe, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (!jobs.IsRunning)
        {
            problems.Add(JobServerStopped);
        }

        if (await probe.CatalogProblemAsync(cancellationToken) is { } catalogProblem)
        {
            problems.Add($"catalog ({catalogProblem})");
        }

        return Answer("ok", problems);
    }

    private static async Task<JsonHttpResult<HealthStatus>> ReadyAsync(JobServerHostedService jobs, ReadinessProbe probe, CancellationToken cancellationToken)
    {
        var problems = new List<string>(await probe.FindUnreadyAsync(cancellationToken));
        if (!jobs.IsRunning)
        {
            problems.Insert(0, JobServerStopped);
        }

        return Answer("ready", problems);
    }

    private static JsonHttpResult<HealthStatus> Answer(string healthy, List<string> problems) =>
        problems.Count == 0
            ? TypedResults.Json(new HealthStatus(healthy), ApiJsonContext.Wire.HealthStatus)
            : TypedResults.Json(
                new HealthStatus($"unavailable: {string.Join("; ", problems)}"), ApiJsonContext.Wire.HealthStatus, statusCode: StatusCodes.Status503ServiceUnavailable);
}
