using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Refinery.Api.Hosting;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary>The <c>--data-dir</c> option every command that opens a server's data shares.</summary>
public abstract class DataDirectorySettings : CommandSettings
{
    [CommandOption("--data-dir <DIR>")]
    [Description("The server's data directory: catalog, staging, default bucket and credentials.json. Env: REFINERY_DATA_DIR. Default: ./data")]
    public string? DataDirectory { get; init; }

    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory ?? Environment.GetEnvironmentVariable("REFINERY_DATA_DIR") ?? "./data");

    /// <summary>The installation's catalog and credentials for a command that changes them directly: no workers, nothing listening.</summary>
    public Task<ServiceProvider> OpenAdministrationAsync(CancellationToken cancellationToken) =>
        AdministrationServices.OpenAsync(new RefineryOptions { DataDirectory = ResolvedDataDirectory }, cancellationToken);
}
