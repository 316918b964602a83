using Microsoft.Extensions.DependencyInjection;
using Refinery.Api.Authentication;
using Refinery.Api.Identity;

namespace Refinery.Api.Hosting;

/// <summary>Composes projects, tokens and AK/SK pairs: what the API authenticates with and the administration commands create.</summary>
public static class CredentialServiceCollectionExtensions
{
    /// <param name="catalogKey">The installation's catalog key (<see cref="RefineryOptions.CatalogKey"/>), found by <see cref="InstallationSecretSource"/>.</param>
    public static IServiceCollection AddRefineryCredentials(this IServiceCollection services, RefineryOptions options, byte[] catalogKey)
    {
        services.AddSingleton(options);
        services.AddSingleton(new SecretKeyProtector(catalogKey));
        services.AddSingleton<CredentialStore>();
        services.AddSingleton<ProjectProvisioner>();
        services.AddSingleton<PasswordSignIn>();
        return services;
    }
}
