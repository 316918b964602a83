using Refinery.Api.Hosting;

namespace Refinery.Api.SignedLinks;

/// <summary>The installation's secret for signing links, kept in <c>signing.key</c> (see <see cref="KeyFile"/>).</summary>
public static class SigningKey
{
    public const int Length = KeyFile.Length;

    /// <summary>Reads the key at <paramref name="path"/>, making it first when there is none.</summary>
    /// <exception cref="InvalidOperationException">The file exists but does not hold a key.</exception>
    public static byte[] LoadOrCreate(string path) => KeyFile.LoadOrCreate(path, "links already handed out stop working");
}
