using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Refinery.TestSupport;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>
/// The real <c>refinery serve</c> (or <c>refinery worker</c>) executable in a child process, for tests that must kill
/// it (SIGKILL) and start it again on the same data directory.
/// </summary>
public sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    // Completed once serve has announced its address: every line of its start-up has been written by then.
    private readonly TaskCompletionSource _announced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private const string ServeAnnouncement = "Refinery listening on";
    private const string WorkerAnnouncement = "Refinery worker running";

    private readonly string _announcement;

    private ServeProcess(Process process, int port, string announcement)
    {
        _process = process;
        _announcement = announcement;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    /// <summary>Everything the process has written to its standard output and error so far, line by line (all of its start-up once started).</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>
    /// A memory figure of the process from <c>/proc/PID/status</c>, in bytes: <c>VmRSS</c> (resident now) or
    /// <c>VmHWM</c> (the most it has ever been resident).
    /// </summary>
    public long MemoryBytes(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").Single(line => line.StartsWith(field + ":", StringComparison.Ordinal));
        var kilobytes = line[(field.Length + 1)..].Trim().Split(' ')[0];
        return long.Parse(kilobytes, System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// The TCP ports the process listens on: the sockets among its open descriptors that the kernel's socket tables
    /// (<c>/proc/PID/net/tcp</c>, <c>tcp6</c>) show in the LISTEN state.
    /// </summary>
    public IReadOnlyList<int> ListeningPorts()
    {
        const string SocketLink = "socket:[";
        const string Listen = "0A";
        var sockets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var descriptor in Directory.GetFiles($"/proc/{_process.Id}/fd"))
        {
            try
            {
                if (new FileInfo(descriptor).LinkTarget is { } target && target.StartsWith(SocketLink, StringComparison.Ordinal))
                {
                    sockets.Add(target[SocketLink.Length..^1]);
                }
            }
            catch (IOException)
            {
                // Closed between the listing and the look: it listens on nothing now.
            }
        }

        // Columns: sl, local address (hex IP:hex port), remote address, state, queues, timer, retransmits, uid, timeout, inode.
        return [.. new[] { "tcp", "tcp6" }
            .SelectMany(table => File.ReadLines($"/proc/{_process.Id}/net/{table}").Skip(1))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(columns => columns[3] == Listen && sockets.Contains(columns[9]))
            .Select(columns => Convert.ToInt32(columns[1][(columns[1].LastIndexOf(':') + 1)..], 16))
            .Distinct()];
    }

    /// <summary>Starts <c>serve</c> with two workers and the bucket <paramref name="storageRoot"/> (NAME=PATH), plus any further flags.</summary>
    public static async Task<ServeProcess> StartAsync(string dataDirectory, int port, string storageRoot, params string[] moreArguments)
    {
        // Two workers whatever the machine, so tests can reason about how many shards run at once.
        var serve = Launch(
            ["serve", "--data-dir", dataDirectory, "--urls", $"http://127.0.0.1:{port}", "--storage-root", storageRoot, "--workers", "2", .. moreArguments],
            port, ServeAnnouncement);
        await serve.WaitUntilListeningAsync();
        await serve._announced.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return serve;
    }

    /// <summary>Starts <c>worker</c> with the bucket <paramref name="storageRoot"/> (NAME=PATH) and further flags (<c>--db</c> at least).</summary>
    public static async Task<ServeProcess> StartWorkerAsync(string dataDirectory, string storageRoot, params string[] moreArguments)
    {
        var worker = Launch(["worker", "--data-dir", dataDirectory, "--storage-root", storageRoot, .. moreArguments], port: 0, WorkerAnnouncement);
        await worker._announced.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return worker;
    }

    public static int FreePort() => LoopbackPorts.Free();

    /// <summary>A client of this server with the default project's token from <paramref name="dataDirectory"/>.</summary>
    public RefineryApiClient CreateClient(string dataDirectory)
    {
        var (projectId, token) = ReadCredentials(dataDirectory);
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.Add("X-Auth-Token", token);
        return new RefineryApiClient(http, projectId);
    }

    public static (string ProjectId, string Token) ReadCredentials(string dataDirectory)
    {
        var credentials = JsonNode.Parse(File.ReadAllText(Path.Combine(dataDirectory, "credentials.json")))!;
        return (credentials["project_id"]!.GetValue<string>(), credentials["token"]!.GetValue<string>());
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or an OOM kill.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
            if (line.StartsWith(_announcement, StringComparison.Ordinal))
            {
                _announced.TrySetResult();
            }
        }
    }

    private static ServeProcess Launch(string[] arguments, int port, string announcement)
    {
        var process = RefineryProcess.Start(arguments);
        var launched = new ServeProcess(process, port, announcement);
        RefineryProcess.ReadLines(process, launched.Record);
        return launched;
    }

    private async Task WaitUntilListeningAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(_process.HasExited, $"refinery serve exited with code {(_process.HasExited ? _process.ExitCode : 0)}");
            try
            {
                using var response = await http.GetAsync("/v2/ping/processor-tasks");
                return; // any HTTP answer (401 here) means the server is up
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
            catch (TaskCanceledException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException("refinery serve did not start listening within 60 s");
    }
}
