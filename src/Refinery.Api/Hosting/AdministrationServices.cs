using Microsoft.Extensions.DependencyInjection;
using Refinery.Engine.Hosting;

namespace Refinery.Api.Hosting;

/// <summary>
/// The catalog and credentials of an installation, for a command that changes them directly (a project, an access
/// key): the engine's composition without workers, and nothing listening.
/// </summary>
public static class AdministrationServices
{
    public static async Task<ServiceProvider> OpenAsync(RefineryOptions options, CancellationToken cancellationToken)
    {
        OwnerOnlyDirectory.Ensure(options.DataDirectory);
        var offline = options with { RunWorkers = false, RunReconciler = false };
        var catalogKey = await new InstallationSecretSource(offline).LoadAsync(offline.CatalogKey, cancellationToken);
        var services = new ServiceCollection()
            .AddRefineryEngine(offline)
            .AddRefineryCredentials(offline, catalogKey)
            .BuildServiceProvider();
        try
        {
            await CatalogPreparation.PrepareAsync(services, cancellationToken);
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }
}
