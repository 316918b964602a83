using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
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
using Refinery.Engine.Hosting;
using Refinery.Imaging;
using Refinery.Imaging.Thumbnails;
using Refinery.Storage;

namespace Refinery.Api.Hosting;

/// <summary>The web application: the engine's composition (<see cref="EngineServiceCollectionExtensions.AddRefineryEngine"/>) with the API's services, middleware and routes on top.</summary>
public static class RefineryServer
{
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
        // Per-request logs cost more than the request they describe.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        var secrets = new InstallationSecretSource(options);
        AddServices(
            builder.Services,
            options,
            await secrets.LoadAsync(options.SigningKey, cancellationToken),
            await secrets.LoadAsync(options.CatalogKey, cancellationToken));
        builder.Services.AddRefineryConsole(options);

        var app = builder.Build();
        var created = await CatalogPreparation.PrepareAsync(app.Services, cancellationToken);
        await MetricsEndpoints.ListenFromStartAsync(cancellationToken);

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

    private static void AddServices(IServiceCollection services, RefineryOptions options, byte[] signingKey, byte[] catalogKey)
    {
        if (options.SignedUrlLifetime <= TimeSpan.Zero || options.SignedUrlLifetime > _maxSignedUrlLifetime)
        {
            throw new InvalidOperationException(
                $"The signed URL lifetime {options.SignedUrlLifetime} must be positive and at most {_maxSignedUrlLifetime.TotalDays} days (S3's limit for presigned URLs).");
        }

        services.AddRefineryEngine(options);
        services.AddRefineryCredentials(options, catalogKey);
        services.AddSingleton(new SignedLinkSigner(signingKey));
        services.AddSingleton<ISignedUrlFactory>(provider => new SignedUrlFactory(
            provider.GetRequiredService<BucketRouter>(), provider.GetRequiredService<SignedLinkSigner>(), options.SignedUrlLifetime, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ThumbnailRenderer>();
        services.AddSingleton(_ => new ThumbnailGate(options.ThumbnailConcurrency)); // made by the container, so disposed with it
        services.AddRefineryMetrics();
        services.AddRefineryOpenApi();
        services.AddSingleton<ReadinessProbe>();
    }
}
