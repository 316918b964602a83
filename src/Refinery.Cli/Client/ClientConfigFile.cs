using System.Text.Json;
using Refinery.Engine.Hosting;

namespace Refinery.Cli.Client;

/// <summary>
/// <c>~/.refinery/config.json</c> (or <c>REFINERY_CONFIG</c>): the connection <c>refinery login</c> saved. It holds a
/// token, so it is written owner-only (0600) in an owner-only directory (0700).
/// </summary>
public static class ClientConfigFile
{
    public static string Path =>
        Environment.GetEnvironmentVariable("REFINERY_CONFIG")
        ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".refinery", "config.json");

    /// <summary>The saved connection, or an empty one when nothing was saved.</summary>
    public static ClientConfig Load()
    {
        var path = Path;
        if (!File.Exists(path))
        {
            return new ClientConfig(null, null, null);
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), ClientJsonContext.Default.ClientConfig) ?? new ClientConfig(null, null, null);
        }
        catch (JsonException error)
        {
            throw new CommandInputException($"{path} is not a config file refinery login wrote ({error.Message}); run refinery login again.");
        }
    }

    public static void Save(ClientConfig config)
    {
        var path = Path;
        OwnerOnlyDirectory.Ensure(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);

        // Written whole under a temporary owner-only name and moved into place: never readable by others, never half written.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(file, config, ClientJsonContext.Default.ClientConfig);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
