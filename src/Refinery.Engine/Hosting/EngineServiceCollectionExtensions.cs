using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Refinery.Catalog;
using Refinery.Catalog.Reading;
using Refinery.Engine.Datasets;
using Refinery.Engine.Delivery;
using Refinery.Engine.Lifecycle;
using Refinery.Engine.Mapping;
using Refinery.Engine.Operators;
using Refinery.Engine.Passes;
using Refinery.Engine.Planning;
using Refinery.Engine.Reducing;
using Refinery.Engine.Staging;
using Refinery.Engine.Tasks;
using Refinery.Imaging;
using Refinery.Imaging.Embeddings;
using Refinery.Operators.Pipeline;
using Refinery.Storage;

namespace Refinery.Engine.Hosting;

/// <summary>
/// Composes the engine — catalog, storage, staging, job delivery, operators — in one place, for every process that
/// runs it: <c>serve</c> adds the web layer on top, the administration commands use it as it is.
/// </summary>
public static class EngineServiceCollectionExtensions
{
    private const string StagingBucket = "staging";

    /// <summary>
    /// Registers the engine's services, and as hosted services the job server with its heartbeat
    /// (<see cref="EngineHostOptions.RunWorkers"/>) and the reconciler, run by whichever process holds its lease (<see cref="EngineHostOptions.RunReconciler"/>). Throws <see cref="InvalidOperationException"/> naming what cannot work.
    /// </summary>
    public static IServiceCollection AddRefineryEngine(this IServiceCollection services, EngineHostOptions options)
    {
        // Per-query logs (EF Core commands) and Hangfire's chatter cost more than the work they describe.
        services.AddLogging(logging => logging
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning)
            .AddFilter("Hangfire", LogLevel.Warning));
        services.AddSingleton(options);
        services.AddSingleton(options.Engine);
        services.AddSingleton(options.Clock);
        var database = options.CatalogDatabase;
        AddCatalog(services, database);

        var buckets = ConfiguredBuckets.Create(options);
        services.AddSingleton(buckets);
        services.AddSingleton<IObjectStore>(buckets);
        services.AddSingleton(new ImageDecoder(options.ImageLimits, new DecodeMemoryBudget(options.DecodeMemoryBytes)));
        services.AddSingleton(_ => new SharedImageEmbedder()); // made by the container, so disposed with it; loads on first use
        services.AddSingleton(OperatorRegistry.Default);
        services.AddSingleton<OperatorPipelineFactory>();
        services.AddSingleton(Staging(options, buckets));

        // Made on first use: PostgreSQL storage connects and prepares its schema when it is made.
        services.AddSingleton(_ => JobStorageFactory.Create(database));
        services.AddSingleton<IBackgroundJobClient>(provider => new BackgroundJobClient(provider.GetRequiredService<JobStorage>()));
        services.AddSingleton<IJobScheduler, HangfireJobScheduler>();
        services.AddSingleton<VersionJobFailure>();
        services.AddSingleton<VersionJobFilters>();
        services.AddSingleton(WorkerIdentity.ForThisProcess());
        services.AddSingleton<WorkerRegistry>();
        services.AddSingleton<ShardClaims>();
        services.AddSingleton<ReconcilerLease>();

        AddEngineServices(services);
        if (options.RunWorkers)
        {
            // Registered first, so the process is in the catalog before it claims a shard.
            services.AddHostedService<WorkerHeartbeatService>();
            // Also a singleton of its own, so that a worker's health probe can ask whether it runs.
            services.AddSingleton<JobServerHostedService>();
            services.AddHostedService(provider => provider.GetRequiredService<JobServerHostedService>());
        }

        if (options.RunReconciler)
        {
            services.AddHostedService<ReconcilerHostedService>();
        }

        return services;
    }

    /// <summary>Staging in its S3 bucket when one is named, reached through the same router as the data; else the folder.</summary>
    private static StagingArea Staging(EngineHostOptions options, BucketRouter buckets)
    {
        if (options.StagingObjects is not { } root)
        {
            return new StagingArea(new LocalDirectoryStore(StagingBucket, options.StagingDirectory), new ObjectPath(StagingBucket, ""));
        }

        return options.S3Buckets.ContainsKey(root.Bucket)
            ? new StagingArea(buckets, root)
            : throw new InvalidOperationException(
                $"Staging {root.ToUri()} names bucket '{root.Bucket}', which is not one of the S3 buckets ({string.Join(", ", options.S3Buckets.Keys)}).");
    }

    private static void AddCatalog(IServiceCollection services, CatalogDatabase database)
    {
        services.AddSingleton(database);
        services.AddPooledDbContextFactory<CatalogContext>(database.Configure);
        if (database.Provider == CatalogProvider.Sqlite)
        {
            // Made by a factory so that the container owns it and closes its connections with the process.
            services.AddSingleton(_ => new TaskByIdReader(database, maxIdle: Math.Max(4, Environment.ProcessorCount * 2)));
        }
    }

    private static void AddEngineServices(IServiceCollection services)
    {
        services.AddSingleton<StagingCleaner>();
        services.AddSingleton<VersionLifecycle>();
        services.AddSingleton<StopSignal>();
        services.AddSingleton<InputResolver>();
        services.AddSingleton<VersionPlanner>();
        services.AddSingleton<ShardRunner>();
        services.AddSingleton<PassFiles>();
        services.AddSingleton<OutputPublisher>();
        services.AddSingleton<FinalResults>();
        services.AddSingleton<DatasetStageRunner>();
        services.AddSingleton<PassAdvancer>();
        services.AddSingleton<VersionCompletion>();
        services.AddSingleton<VersionFinisher>();
        services.AddSingleton<PassCoordinator>();
        services.AddSingleton<VersionReconciler>();
        services.AddSingleton<ReduceTrigger>();
        services.AddTransient<VersionJobs>();
        services.AddSingleton<InputValidator>();
        services.AddSingleton<AnalysisTemplateCompleter>();
        services.AddSingleton<DatasetService>();
        services.AddSingleton<DatasetVersionPublisher>();
        services.AddTransient<DatasetImporter>();
        services.AddSingleton<ProcessorTaskService>();
        services.AddSingleton<TaskQueries>();
    }
}
