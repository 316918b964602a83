using Microsoft.Extensions.Configuration;

namespace Refinery.Cli.Configuration;

/// <summary>
/// Layers where a setting can come from, the later winning: an optional JSON file, then <c>REFINERY_*</c> environment
/// variables, then flags.
/// </summary>
public static class ConfigurationSources
{
    public const string EnvironmentPrefix = "REFINERY_";

    /// <summary>The variable naming the configuration file when no <c>--config</c> flag does.</summary>
    public const string ConfigFileVariable = EnvironmentPrefix + "SERVER_CONFIG";

    /// <summary>
    /// Builds the configuration; throws <see cref="ArgumentException"/> when the file is missing, is not JSON, or holds a
    /// key that is no setting (a misspelt key would otherwise be ignored without a word).
    /// </summary>
    public static IConfiguration Build(string? configFile, IReadOnlyDictionary<string, string?> flags)
    {
        var builder = new ConfigurationBuilder();
        var file = configFile ?? Environment.GetEnvironmentVariable(ConfigFileVariable);
        if (file is not null)
        {
            var path = Path.GetFullPath(file);
            RejectUnknownKeys(path);
            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        return builder.AddEnvironmentVariables(EnvironmentPrefix).AddInMemoryCollection(flags).Build();
    }

    private static void RejectUnknownKeys(string path)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"--config {path}: the file does not exist.");
        }

        IConfigurationRoot file;
        try
        {
            file = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        }
        catch (InvalidDataException error)
        {
            throw new ArgumentException($"--config {path}: {error.Message}", error);
        }

        var known = ServeSettingNames.All.Select(setting => setting.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in file.GetChildren().Select(section => section.Key))
        {
            if (!known.Contains(key))
            {
                throw new ArgumentException(
                    $"--config {path}: '{key}' is not a setting; the settings are {string.Join(", ", known.Select(name => name.ToLowerInvariant()))}.");
            }
        }
    }
}
