namespace Refinery.Formats.Tests;

/// <summary>A fresh directory under the system temp directory, deleted with everything in it at the end of a test.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = Directory.CreateTempSubdirectory("refinery-formats-tests-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Join([Path, .. parts]);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
