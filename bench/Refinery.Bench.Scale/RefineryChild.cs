using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Refinery.TestSupport;

namespace Refinery.Bench.Scale;

/// <summary>
/// The real <c>refinery serve</c> or <c>refinery worker</c> in a child process, so that each worker has a process (and
/// cores) of its own, as it would on its own machine.
/// </summary>
public sealed class RefineryChild : IAsyncDisposable
{
    private const int KeptLines = 40;

    private readonly Process _process;
    private readonly string _role;
    private readonly ConcurrentQueue<string> _lastLines = new();
    private readonly TaskCompletionSource _announced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _announcement;

    private RefineryChild(Process process, string role, string announcement, Uri? baseAddress, string dataDirectory)
    {
        _process = process;
        _role = role;
        _announcement = announcement;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    /// <summary>Where a <c>serve</c> listens; null for a worker.</summary>
    public Uri? BaseAddress { get; }

    public string DataDirectory { get; }

    /// <summary>Starts <c>refinery serve</c> on a free loopback port and returns once it answers HTTP.</summary>
    public static async Task<RefineryChild> StartServeAsync(string dataDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
        var serve = Launch("serve", ["serve", "--data-dir", dataDirectory, "--urls", baseAddress.ToString().TrimEnd('/'), .. arguments], "Refinery listening on", baseAddress, dataDirectory);
        await serve.WaitForAnnouncementAsync(cancellationToken);
        await serve.WaitUntilAnsweringAsync(cancellationToken);
        return serve;
    }

    /// <summary>Starts <c>refinery worker</c> and returns once it has said it runs.</summary>
    public static async Task<RefineryChild> StartWorkerAsync(string name, string dataDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var worker = Launch(name, ["worker", "--data-dir", dataDirectory, .. arguments], "Refinery worker running", baseAddress: null, dataDirectory);
        await worker.WaitForAnnouncementAsync(cancellationToken);
        return worker;
    }

    /// <summary>The project id and token a fresh <c>serve</c> wrote at its first start.</summary>
    public (string ProjectId, string Token) Credentials()
    {
        var credentials = JsonNode.Parse(File.ReadAllText(Path.Combine(DataDirectory, "credentials.json")))!;
        return (credentials["project_id"]!.GetValue<string>(), credentials["token"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static RefineryChild Launch(string role, string[] arguments, string announcement, Uri? baseAddress, string dataDirectory)
    {
        var process = RefineryProcess.Start(arguments);
        var child = new RefineryChild(process, role, announcement, baseAddress, dataDirectory);
        RefineryProcess.ReadLines(process, child.Record);
        Console.WriteLine($"    [{role}: pid {process.Id}]");
        return child;
    }

    private void Record(string line)
    {
        _lastLines.Enqueue(line);
        while (_lastLines.Count > KeptLines && _lastLines.TryDequeue(out _))
        {
        }

        if (line.StartsWith(_announcement, StringComparison.Ordinal))
        {
            _announced.TrySetResult();
        }
    }

    private async Task WaitForAnnouncementAsync(CancellationToken cancellationToken)
    {
        var exited = _process.WaitForExitAsync(cancellationToken);
        var first = await Task.WhenAny(_announced.Task, exited).WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
        if (first == exited)
        {
            throw new InvalidOperationException($"refinery {_role} exited with code {_process.ExitCode}:\n{string.Join('\n', _lastLines)}");
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await http.GetAsync("/healthz", cancellationToken);
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(200, cancellationToken);
            }
        }

        throw new TimeoutException($"refinery {_role} did not answer HTTP within 60 s");
    }
}
