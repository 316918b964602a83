using System.Security.Cryptography;

namespace Refinery.Api.SignedLinks;

/// <summary>The installation's secret for signing links: 32 random bytes made once and kept in a file only its owner can read.</summary>
public static class SigningKey
{
    public const int Length = 32;

    /// <summary>Reads the key at <paramref name="path"/>, making it first when there is none.</summary>
    /// <exception cref="InvalidOperationException">The file exists but does not hold a key.</exception>
    public static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Create(path);
        }

        var key = File.ReadAllBytes(path);
        return key.Length == Length
            ? key
            : throw new InvalidOperationException(
                $"The signing key {path} holds {key.Length} bytes instead of {Length}. Delete it to make a new one (links already handed out stop working).");
    }

    // Written whole under a temporary name, then moved into place, so that a process starting at the same moment
    // never reads half a key; the loser of that race keeps the winner's key.
    private static void Create(string path)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, options))
        {
            file.Write(RandomNumberGenerator.GetBytes(Length));
            file.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
