using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Refinery.Api.Health;
using Refinery.Api.Hosting;
using Refinery.Api.Observability;
using Refinery.Catalog;
using Refinery.Engine.Hosting;
using Refinery.Imaging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary>
/// <c>refinery worker</c>: takes jobs (shards) from the shared PostgreSQL queue and runs them; serves nothing but, when
/// asked, its health probes and metrics.
/// </summary>
public sealed class WorkerCommand : AsyncCommand<WorkerSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, WorkerSettings settings, CancellationToken cancellationToken)
    {
        // Every worker may run the reconciler too: a lease in the catalog lets one process at a time do it.
        var options = settings.ResolveOptions() with { RunWorkers = true };
        if (options.Database is null)
        {
            AnsiConsole.MarkupLine("[red]refinery worker needs --db (REFINERY_DB): the PostgreSQL database whose job queue it shares with serve.[/]");
            return 1;
        }

        OwnerOnlyDirectory.Ensure(options.DataDirectory);
        // Before anything in the process calls OpenCV, which reads the cap once, when its library loads.
        OpenCvPixelCap.Apply(options.ImageLimits.MaxPixels);
        using var host = options.HealthUrls is { } healthUrls ? WorkerHealthPort.Build(options, healthUrls) : BuildHost(options);
        await CatalogInitializer.InitializeAsync(host.Services.GetRequiredService<IDbContextFactory<CatalogContext>>(), cancellationToken);
        if (options.HealthUrls is not null)
        {
            await MetricsEndpoints.ListenFromStartAsync(cancellationToken);
        }

        // Announced once started, so that whoever waits for the line can reach the health port.
        await host.StartAsync(cancellationToken);
        var health = options.HealthUrls is { } urls ? $"; health and metrics on {urls}" : "";
        AnsiConsole.MarkupLineInterpolated($"Refinery worker running {options.WorkerCount} job(s) at once; staging in {options.StagingDescription}{health}");
        await host.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    private static IHost BuildHost(RefineryOptions options)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddRefineryEngine(options);
        return builder.Build();
    }
}
