using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Refinery.Catalog;

namespace Refinery.Api.Hosting;

/// <summary>
/// Finds the installation's secrets before anything uses them, so that every process sharing a PostgreSQL catalog —
/// serve behind a load balancer, the administration commands — signs and encrypts with the same keys.
/// </summary>
public sealed class InstallationSecretSource(RefineryOptions options)
{
    private Task<IDbContextFactory<CatalogContext>>? _catalog;

    /// <summary>The secret's 32 bytes. Throws <see cref="InvalidOperationException"/> naming a configured file that cannot serve.</summary>
    public async Task<byte[]> LoadAsync(InstallationSecret secret, CancellationToken cancellationToken)
    {
        if (secret.ConfiguredFile is { } configured)
        {
            return KeyFile.Read(configured, secret.WhatReplacingItCosts);
        }

        if (options.Database is null)
        {
            return KeyFile.LoadOrCreate(secret.DataDirectoryFile, secret.WhatReplacingItCosts);
        }

        _catalog ??= OpenCatalogAsync(cancellationToken);
        return await InstallationKeyStore.GetOrAddAsync(
            await _catalog, secret.Name, RandomNumberGenerator.GetBytes(KeyFile.Length), cancellationToken);
    }

    // The keys are read before the process's services exist (they are built with them), so this brings its own.
    private async Task<IDbContextFactory<CatalogContext>> OpenCatalogAsync(CancellationToken cancellationToken)
    {
        var builder = new DbContextOptionsBuilder<CatalogContext>();
        options.CatalogDatabase.Configure(builder);
        var catalog = new PooledDbContextFactory<CatalogContext>(builder.Options);
        await CatalogInitializer.InitializeAsync(catalog, cancellationToken);
        return catalog;
    }
}
