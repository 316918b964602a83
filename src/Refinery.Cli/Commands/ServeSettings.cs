using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary>The options of <c>refinery serve</c>; each falls back to a <c>REFINERY_*</c> environment variable.</summary>
public sealed class ServeSettings : CommandSettings
{
    [CommandOption("--data-dir <DIR>")]
    [Description("Catalog, staging, default bucket and credentials.json. Env: REFINERY_DATA_DIR. Default: ./data")]
    public string? DataDirectory { get; init; }

    [CommandOption("--urls <URL>")]
    [Description("Where to listen. Env: REFINERY_URLS. Default: http://127.0.0.1:8080")]
    public string? Urls { get; init; }

    [CommandOption("--storage-root <NAME=PATH>")]
    [Description("Expose directory PATH as bucket NAME (repeatable). Env: REFINERY_STORAGE_ROOTS, ';'-separated.")]
    public string[] StorageRoots { get; init; } = [];

    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory ?? Environment.GetEnvironmentVariable("REFINERY_DATA_DIR") ?? "./data");

    public string ResolvedUrls => Urls ?? Environment.GetEnvironmentVariable("REFINERY_URLS") ?? "http://127.0.0.1:8080";

    public IReadOnlyDictionary<string, string> ResolvedStorageRoots()
    {
        var specs = StorageRoots.Length > 0
            ? StorageRoots
            : (Environment.GetEnvironmentVariable("REFINERY_STORAGE_ROOTS") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var roots = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var separator = spec.IndexOf('=');
            if (separator <= 0 || separator == spec.Length - 1)
            {
                throw new ArgumentException($"--storage-root '{spec}' must look like NAME=PATH.");
            }

            roots[spec[..separator]] = Path.GetFullPath(spec[(separator + 1)..]);
        }

        return roots;
    }

    public override ValidationResult Validate()
    {
        try
        {
            foreach (var root in ResolvedStorageRoots())
            {
                if (!Directory.Exists(root.Value))
                {
                    return ValidationResult.Error($"--storage-root {root.Key}={root.Value}: the directory does not exist.");
                }
            }
        }
        catch (ArgumentException error)
        {
            return ValidationResult.Error(error.Message);
        }

        return ValidationResult.Success();
    }
}
