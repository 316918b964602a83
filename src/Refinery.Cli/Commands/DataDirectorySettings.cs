using System.ComponentModel;
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

    /// <summary>Options for a command that works on the catalog directly: no workers, nothing listening.</summary>
    public RefineryOptions OfflineOptions() => new() { DataDirectory = ResolvedDataDirectory, RunWorkers = false };
}
