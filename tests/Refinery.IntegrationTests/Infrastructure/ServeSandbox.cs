namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>A temporary home for a real <c>refinery serve</c>: a data directory and an empty bucket <c>imgs</c>, deleted afterwards.</summary>
public sealed class ServeSandbox : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "refinery-serve-" + Guid.NewGuid().ToString("N"));

    public ServeSandbox()
    {
        Directory.CreateDirectory(ImagesDirectory);
    }

    public string DataDirectory => Path.Combine(_root, "data");

    public string ImagesDirectory => Path.Combine(_root, "imgs");

    public Task<ServeProcess> StartAsync() =>
        ServeProcess.StartAsync(DataDirectory, ServeProcess.FreePort(), $"imgs={ImagesDirectory}");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process being killed; the temp directory is cleaned by the OS.
        }
    }
}
