using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Refinery.Api.Authentication;
using Refinery.Api.Errors;
using Refinery.Api.ProcessorTasks;
using Refinery.Catalog;
using Refinery.Catalog.Reading;
using Refinery.Engine.Delivery;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Mapping;
using Refinery.Engine.Planning;
using Refinery.Engine.Reducing;
using Refinery.Engine.Staging;
using Refinery.Engine.Tasks;
using Refinery.Storage;

namespace Refinery.Api.Hosting;

/// <summary>Composes the whole service — API, catalog, engine, storage, job delivery — into one web application.</summary>
public static class RefineryServer
{
    private const string StagingBucket = "staging";
    private const string DefaultBucket = "local";
    private const long MaxRequestBodyBytes = 12 * 1024 * 1024;

    /// <summary>Builds the application, bringing the catalog up to date and creating the default project on first start.</summary>
    public static async Task<(WebApplication App, DefaultCredentials? Created)> BuildAsync(
        RefineryOptions options, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        // Per-request and per-query logs (ASP.NET hosting, EF Core commands) cost more than the request they describe.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Hangfire", LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        AddServices(builder.Services, options);

        var app = builder.Build();
        var catalog = app.Services.GetRequiredService<IDbContextFactory<CatalogContext>>();
        await CatalogInitializer.InitializeAsync(catalog, cancellationToken);
        var created = await FirstRunSetup.EnsureDefaultProjectAsync(
            catalog, app.Services.GetRequiredService<CredentialStore>(), options, TimeProvider.System, cancellationToken);

        app.UseMiddleware<ModelArtsErrorMiddleware>();
        app.UseMiddleware<ProjectAuthenticationMiddleware>();
        app.MapProcessorTaskApi();
        app.MapTaskVersionApi();
        return (app, created);
    }

    private static void AddServices(IServiceCollection services, RefineryOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(options.Engine);
        services.AddSingleton(TimeProvider.System);
        var database = CatalogDatabase.SqliteFile(options.CatalogPath);
        services.AddPooledDbContextFactory<CatalogContext>(database.Configure);
        if (database.Provider == CatalogProvider.Sqlite)
        {
            // Made by a factory so that the container owns it and closes its connections with the app.
            services.AddSingleton(_ => new TaskByIdReader(database, maxIdle: Math.Max(4, Environment.ProcessorCount * 2)));
        }

        services.AddSingleton(CreateBuckets(options));
        services.AddSingleton<IObjectStore>(provider => provider.GetRequiredService<BucketRouter>());
        services.AddSingleton(new StagingArea(new LocalDirectoryStore(StagingBucket, options.StagingDirectory), StagingBucket));

        var jobStorage = new InMemoryStorage();
        services.AddSingleton<JobStorage>(jobStorage);
        services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(jobStorage));
        services.AddSingleton<IJobScheduler, HangfireJobScheduler>();

        services.AddSingleton<VersionLifecycle>();
        services.AddSingleton<StopSignal>();
        services.AddSingleton<InputResolver>();
        services.AddSingleton<VersionPlanner>();
        services.AddSingleton<ShardRunner>();
        services.AddSingleton<OutputPublisher>();
        services.AddSingleton<VersionReducer>();
        services.AddSingleton<VersionReconciler>();
        services.AddTransient<VersionJobs>();
        services.AddSingleton<InputValidator>();
        services.AddSingleton<AnalysisTemplateCompleter>();
        services.AddSingleton<ProcessorTaskService>();
        services.AddSingleton<TaskQueries>();
        services.AddSingleton<CredentialStore>();

        if (options.RunWorkers)
        {
            services.AddHostedService<JobServerHostedService>();
            services.AddHostedService<ReconcilerHostedService>();
        }
    }

    private static BucketRouter CreateBuckets(RefineryOptions options)
    {
        var roots = new Dictionary<string, string>(options.StorageRoots, StringComparer.Ordinal);
        roots.TryAdd(DefaultBucket, options.DefaultBucketDirectory);
        return new BucketRouter(roots.ToDictionary(root => root.Key, root => (IObjectStore)new LocalDirectoryStore(root.Key, root.Value)));
    }
}
