using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Refinery.Api.Authentication;
using Refinery.Catalog;

namespace Refinery.Api.Hosting;

/// <summary>What every process does to the catalog before it serves or changes anything: the same for <c>serve</c> and the administration commands.</summary>
public static class CatalogPreparation
{
    /// <summary>
    /// Brings the catalog to the current schema, encrypts secret keys an older version stored in clear, and on a first
    /// start creates the default project, whose credentials it returns (null on later starts).
    /// </summary>
    public static async Task<ProjectCredentials?> PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<IDbContextFactory<CatalogContext>>();
        await CatalogInitializer.InitializeAsync(catalog, cancellationToken);
        await services.GetRequiredService<CredentialStore>().EncryptClearTextSecretKeysAsync(cancellationToken);
        return await FirstRunSetup.EnsureDefaultProjectAsync(
            catalog, services.GetRequiredService<ProjectProvisioner>(), services.GetRequiredService<RefineryOptions>(), cancellationToken);
    }
}
