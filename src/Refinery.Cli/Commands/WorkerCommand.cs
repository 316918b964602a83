using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Refinery.Api.Hosting;
using Refinery.Catalog;
using Refinery.Engine.Hosting;
using Refinery.Imaging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary><c>refinery worker</c>: takes jobs (shards) from the shared PostgreSQL queue and runs them; serves nothing.</summary>
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
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddRefineryEngine(options);
        using var host = builder.Build();
        await CatalogInitializer.InitializeAsync(host.Services.GetRequiredService<IDbContextFactory<CatalogContext>>(), cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Refinery worker running {options.WorkerCount} job(s) at once; staging in {options.StagingDescription}");
        await host.RunAsync(cancellationToken);
        return 0;
    }
}
