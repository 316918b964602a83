using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Refinery.Api.Authentication;
using Refinery.Api.Datasets;
using Refinery.Api.Errors;
using Refinery.Api.Events;
using Refinery.Api.Health;
using Refinery.Api.Identity;
using Refinery.Api.Observability;
using Refinery.Api.OpenApi;
using Refinery.Api.ProcessorTasks;
using Refinery.Api.SignedLinks;
using Refinery.Api.WebConsole;
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
using Refinery.Imaging.Thumbnails;
using Refinery.Operators.Pipeline;
using Refinery.Storage;
using Refinery.Storage.S3;

namespace Refinery.Api.Hosting;

/// <summary>Composes the whole service — API, catalog, engine, storage, job delivery — into one web application.</summary>
public static class RefineryServer
{
    private const string StagingBucket = "staging";
    private const string DefaultBucket = "local";
    private const long MaxRequestBodyBytes = 12 * 1024 * 1024;
    private static readonly TimeSpan _maxSignedUrlLifetime = TimeSpan.FromDays(7);

    /// <summary>Builds the application, bringing the catalog up to date and creating the default project on first start.</summary>
    public static async Task<(WebApplication App, ProjectCredentials? Created)> BuildAsync(
        RefineryOptions options, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        OwnerOnlyDirectory.Ensure(options.DataDirectory);

        // Before anything in the process calls OpenCV, which reads the cap once, when its library loads.
        OpenCvPixelCap.Apply(options.ImageLimits.MaxPixels);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        // Per-request and per-query logs (ASP.NET hosting, EF Core commands) cost more than the request they describe.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Hangfire", LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        builder.Services.AddRefineryEngine(options);
        builder.Services.AddRefineryConsole(options);

        var app = builder.Build();
        var created = await PrepareCatalogAsync(app.Services, options, cancellationToken);

        app.UseRefineryRequestMetrics();
        app.UseMiddleware<ModelArtsErrorMiddleware>();
        app.UseMiddleware<ProjectAuthenticationMiddleware>();
        app.MapProcessorTaskApi();
        app.MapTaskVersionApi();
        app.MapDatasetApi();
        app.MapSignedLinks();
        app.MapHealth();
        app.MapRefineryConsole();
        app.MapVersionEvents();
        app.MapIdentityTokens();
        app.MapRefineryMetrics();
        app.MapRefineryOpenApi();
        return (app, created);
    }

    /// <summary>
    /// Brings the catalog up to date and creates the default project on a first start; returns its credentials then,
    /// null on later starts. Run once on the built services, before they start.
    /// </summary>
    public static async Task<ProjectCredentials?> PrepareCatalogAsync(IServiceProvider services, RefineryOptions options, CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<IDbContextFactory<CatalogContext>>();
        await CatalogInitializer.InitializeAsync(catalog, cancellationToken);
        await services.GetRequiredService<CredentialStore>().EncryptClearTextSecretKeysAsync(cancellationToken);
        return await FirstRunSetup.EnsureDefaultProjectAsync(catalog, services.GetRequiredService<ProjectProvisioner>(), options, cancellationToken);
    }

    /// <summary>
    /// The engine and everything under it — catalog, storage, staging, job delivery, workers — without HTTP: the
    /// server adds its endpoints on top, and <c>refinery analyse</c> / <c>validate</c> run it alone in a generic host.
    /// </summary>
    public static void AddRefineryEngine(this IServiceCollection services, RefineryOptions options)
    {
        if (options.SignedUrlLifetime <= TimeSpan.Zero || options.SignedUrlLifetime > _maxSignedUrlLifetime)
        {
            throw new InvalidOperationException(
                $"The signed URL lifetime {options.SignedUrlLifetime} must be positive and at most {_maxSignedUrlLifetime.TotalDays} days (S3's limit for presigned URLs).");
        }

        services.AddSingleton(options);
        services.AddSingleton(options.Engine);
        services.AddSingleton(options.Clock);
        var database = CatalogDatabase.SqliteFile(options.CatalogPath);
        services.AddPooledDbContextFactory<CatalogContext>(database.Configure);
        if (database.Provider == CatalogProvider.Sqlite)
        {
            // Made by a factory so that the container owns it and closes its connections with the app.
            services.AddSingleton(_ => new TaskByIdReader(database, maxIdle: Math.Max(4, Environment.ProcessorCount * 2)));
        }

        services.AddSingleton(CreateBuckets(options));
        services.AddSingleton<IObjectStore>(provider => provider.GetRequiredService<BucketRouter>());
        services.AddSingleton(new SignedLinkSigner(SigningKey.LoadOrCreate(options.SigningKeyPath)));
        services.AddSingleton(new SecretKeyProtector(KeyFile.LoadOrCreate(
            options.CatalogKeyPath, "the access keys made before stop working; make new ones with refinery access-key")));
        services.AddSingleton<ISignedUrlFactory>(provider => new SignedUrlFactory(
            provider.GetRequiredService<BucketRouter>(), provider.GetRequiredService<SignedLinkSigner>(), options.SignedUrlLifetime, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(new ImageDecoder(options.ImageLimits, new DecodeMemoryBudget(options.DecodeMemoryBytes)));
        services.AddSingleton(_ => new SharedImageEmbedder()); // made by the container, so disposed with it; loads on first use
        services.AddSingleton(OperatorRegistry.Default);
        services.AddSingleton<OperatorPipelineFactory>();
        services.AddSingleton<ThumbnailRenderer>();
        services.AddSingleton(_ => new ThumbnailGate(options.ThumbnailConcurrency)); // made by the container, so disposed with it
        services.AddSingleton(new StagingArea(new LocalDirectoryStore(StagingBucket, options.StagingDirectory), StagingBucket));

        var jobStorage = new InMemoryStorage();
        services.AddSingleton<JobStorage>(jobStorage);
        services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(jobStorage));
        services.AddSingleton<IJobScheduler, HangfireJobScheduler>();

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
        services.AddSingleton<CredentialStore>();
        services.AddSingleton<PasswordSignIn>();
        services.AddRefineryMetrics();
        services.AddRefineryOpenApi();
        services.AddSingleton<ProjectProvisioner>();
        services.AddSingleton<ReadinessProbe>();

        if (options.RunWorkers)
        {
            services.AddHostedService<JobServerHostedService>();
            services.AddHostedService<ReconcilerHostedService>();
        }
    }

    /// <summary>
    /// One store per bucket: local roots, S3 buckets, and the default <c>local</c> bucket unless one of them takes
    /// its name. Throws <see cref="InvalidOperationException"/> naming the bucket when the configuration cannot work.
    /// </summary>
    private static BucketRouter CreateBuckets(RefineryOptions options)
    {
        var stores = new Dictionary<string, IObjectStore>(StringComparer.Ordinal);
        foreach (var (name, directory) in options.StorageRoots)
        {
            stores[name] = new LocalDirectoryStore(name, directory);
        }

        foreach (var (name, s3) in options.S3Buckets)
        {
            if (options.StorageRoots.TryGetValue(name, out var directory))
            {
                throw new InvalidOperationException(
                    $"Bucket '{name}' is configured twice: as the local storage root {directory} and as an S3 bucket at {s3.Endpoint}. Give one of them another name.");
            }

            try
            {
                stores[name] = new S3ObjectStore(name, s3);
            }
            catch (ArgumentException error)
            {
                throw new InvalidOperationException($"S3 bucket '{name}': {error.Message}", error);
            }
        }

        stores.TryAdd(DefaultBucket, new LocalDirectoryStore(DefaultBucket, options.DefaultBucketDirectory));
        return new BucketRouter(stores);
    }
}
