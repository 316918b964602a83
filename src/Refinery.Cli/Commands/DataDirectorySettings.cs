using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Refinery.Api.Hosting;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary>
/// Where an installation keeps its catalog — the data directory's SQLite file, or the PostgreSQL database that
/// <c>--db</c> names — and its catalog key: what every command that opens an installation's data shares.
/// </summary>
public abstract class DataDirectorySettings : CommandSettings
{
    [CommandOption("--data-dir <DIR>")]
    [Description("The server's data directory: catalog, staging, default bucket and credentials.json. Env: REFINERY_DATA_DIR. Default: ./data")]
    public string? DataDirectory { get; init; }

    [CommandOption("--db <URL>")]
    [Description("The PostgreSQL database holding the catalog and the job queue, shared by every serve and worker process: postgres://user:password@host:port/database or a connection string. Env: REFINERY_DB. Default: the SQLite file in the data directory, jobs in memory")]
    public string? Database { get; init; }

    [CommandOption("--catalog-key-file <FILE>")]
    [Description("The key that encrypts AK/SK secret keys in the catalog: 32 bytes, or their base64. Kept apart from the database, it protects them against a leaked dump too. Env: REFINERY_CATALOG_KEY_FILE. Default: kept in the shared catalog with --db, else DATA_DIR/catalog.key")]
    public string? CatalogKeyFile { get; init; }

    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory ?? Environment.GetEnvironmentVariable("REFINERY_DATA_DIR") ?? "./data");

    /// <summary>
    /// The installation's catalog and credentials for a command that changes them directly: no workers, nothing
    /// listening. With <c>--db</c> that is the shared PostgreSQL catalog, whose keys every serve process reads too.
    /// </summary>
    public Task<ServiceProvider> OpenAdministrationAsync(CancellationToken cancellationToken) =>
        AdministrationServices.OpenAsync(
            new RefineryOptions
            {
                DataDirectory = ResolvedDataDirectory,
                Database = Database ?? Environment.GetEnvironmentVariable("REFINERY_DB"),
                CatalogKeyFile = (CatalogKeyFile ?? Environment.GetEnvironmentVariable("REFINERY_CATALOG_KEY_FILE")) is { } keyFile ? Path.GetFullPath(keyFile) : null,
            },
            cancellationToken);
}
