namespace Refinery.Cli.Configuration;

/// <summary>
/// One setting of <c>serve</c> and <c>worker</c> under its three names: the flag, the <c>REFINERY_*</c> environment
/// variable, and the key in the configuration file (the variable's name without its prefix, in any case).
/// </summary>
public sealed record ServeSetting(string Flag, string Key)
{
    public string EnvironmentVariable => ConfigurationSources.EnvironmentPrefix + Key;

    /// <summary>How an error names the setting, so that whoever set it in any of the three places recognises it.</summary>
    public string Names => $"{Flag} ({EnvironmentVariable})";
}
