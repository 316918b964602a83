namespace Refinery.Engine.Hosting;

/// <summary>
/// The data directory holds the catalog, the keys and <c>credentials.json</c>: only the server's user may enter it
/// (0700), whether it is made now or was made earlier with looser permissions.
/// </summary>
public static class OwnerOnlyDirectory
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void Ensure(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, OwnerOnly);
        if (File.GetUnixFileMode(path) != OwnerOnly)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }
}
