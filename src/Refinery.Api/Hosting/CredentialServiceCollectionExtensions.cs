using Microsoft.Extensions.DependencyInjection;
using Refinery.Api.Authentication;
using Refinery.Api.Identity;

namespace Refinery.Api.Hosting;

/// <summary>Composes projects, tokens and AK/SK pairs: what the API authenticates with and the administration commands create.</summary>
public static class CredentialServiceCollectionExtensions
{
    public static IServiceCollection AddRefineryCredentials(this IServiceCollection services, RefineryOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(new SecretKeyProtector(KeyFile.LoadOrCreate(
            options.CatalogKeyPath, "the access keys made before stop working; make new ones with refinery access-key")));
        services.AddSingleton<CredentialStore>();
        services.AddSingleton<ProjectProvisioner>();
        services.AddSingleton<PasswordSignIn>();
        return services;
    }
}
