using Refinery.TestSupport;
using Xunit.Abstractions;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>
/// Refinery in distributed mode: <c>serve --no-workers</c> and <c>worker</c> processes, real executables a test can
/// SIGKILL, sharing a new database of a PostgreSQL cluster, one staging directory and the bucket <c>imgs</c>. Serve can
/// be started again on the same port and data directory, as an operator would after a crash.
/// </summary>
public sealed class DistributedInstallation : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("refinery-dist-");
    private readonly List<ServeProcess> _workers = [];
    private readonly int _port = ServeProcess.FreePort();
    private string _storageRoot = "";
    private string[] _shared = [];

    private DistributedInstallation()
    {
    }

    public ServeProcess Serve { get; private set; } = null!;

    /// <summary>Where the processes' last lines go when the installation is disposed: a failed test's output shows why.</summary>
    public ITestOutputHelper? Log { get; set; }

    /// <summary>A client of the current serve process with the default project's token.</summary>
    public RefineryApiClient Client { get; private set; } = null!;

    /// <summary>The worker processes, in the order of the flags they were started with.</summary>
    public IReadOnlyList<ServeProcess> Workers => _workers;

    private string ServeData => Path.Combine(_root.FullName, "serve");

    /// <summary>
    /// Starts serve, then one worker per entry of <paramref name="workerFlags"/> (its own flags beside the shared ones),
    /// with <paramref name="imagesDirectory"/> as the bucket <c>imgs</c>.
    /// </summary>
    public static async Task<DistributedInstallation> StartAsync(PostgresCluster cluster, string imagesDirectory, params string[][] workerFlags)
    {
        var installation = new DistributedInstallation();
        try
        {
            installation._storageRoot = $"imgs={imagesDirectory}";
            installation._shared = ["--db", await cluster.CreateDatabaseAsync(), "--staging-dir", installation._root.CreateSubdirectory("staging").FullName];
            await installation.StartServeAsync();
            var workers = workerFlags.Select((flags, index) => ServeProcess.StartWorkerAsync(
                Path.Combine(installation._root.FullName, $"worker-{index + 1}"), installation._storageRoot, [.. installation._shared, .. flags]));
            installation._workers.AddRange(await Task.WhenAll(workers));
            return installation;
        }
        catch
        {
            installation.Dispose();
            throw;
        }
    }

    /// <summary>The last lines each process wrote, for a failure message: where the reason of a failed version is.</summary>
    public string RecentOutput() =>
        string.Join('\n', new[] { Serve }.Concat(_workers).Select((process, index) =>
            $"--- {(index == 0 ? "serve" : $"worker {index}")}:\n{string.Join('\n', process.Output.TakeLast(100))}"));

    /// <summary>SIGKILLs serve and starts it again; the workers go on meanwhile.</summary>
    public async Task RestartServeAsync()
    {
        Client.Dispose();
        Serve.Kill();
        Serve.Dispose();
        await StartServeAsync();
    }

    public void Dispose()
    {
        if (Serve is not null)
        {
            Log?.WriteLine(RecentOutput());
        }

        Client?.Dispose();
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }

        Serve?.Dispose();
        _root.Delete(recursive: true);
    }

    private async Task StartServeAsync()
    {
        Serve = await ServeProcess.StartAsync(ServeData, _port, _storageRoot, [.. _shared, "--no-workers"]);
        Client = Serve.CreateClient(ServeData);
    }
}
