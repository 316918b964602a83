using System.Security.Cryptography;
using System.Text;

namespace Refinery.Api.Hosting;

/// <summary>An installation secret: 32 random bytes made once and kept in a file only its owner can read (0600).</summary>
public static class KeyFile
{
    public const int Length = 32;

    /// <summary>
    /// Reads a key file the operator made and gave: the 32 bytes themselves, as a first start writes them, or their
    /// base64 (<c>openssl rand -base64 32</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The file is missing or holds no key.</exception>
    public static byte[] Read(string path, string whatReplacingItCosts)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The key file {path} does not exist.");
        }

        var key = File.ReadAllBytes(path);
        if (key.Length == Length)
        {
            return key;
        }

        var decoded = new byte[Length + 1];
        return Convert.TryFromBase64String(Encoding.ASCII.GetString(key).Trim(), decoded, out var written) && written == Length
            ? decoded[..Length]
            : throw new InvalidOperationException(
                $"The key file {path} holds neither {Length} bytes nor their base64. Make one with openssl rand -base64 {Length} ({whatReplacingItCosts}).");
    }

    /// <summary>Reads the key at <paramref name="path"/>, making it first when there is none.</summary>
    /// <param name="path">Where the key lives.</param>
    /// <param name="whatReplacingItCosts">What stops working when the key is replaced, for the error that says to delete it.</param>
    /// <exception cref="InvalidOperationException">The file exists but does not hold a key.</exception>
    public static byte[] LoadOrCreate(string path, string whatReplacingItCosts)
    {
        if (!File.Exists(path))
        {
            Create(path);
        }

        var key = File.ReadAllBytes(path);
        return key.Length == Length
            ? key
            : throw new InvalidOperationException(
                $"The key file {path} holds {key.Length} bytes instead of {Length}. Delete it to make a new one ({whatReplacingItCosts}).");
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
