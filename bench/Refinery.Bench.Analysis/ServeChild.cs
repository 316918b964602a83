using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Refinery.Bench.Analysis;

/// <summary>
/// The real <c>refinery serve</c> in a child process on a fresh data directory and a loopback port, so that its
/// peak resident memory (<c>VmHWM</c>) is its own and not the benchmark's.
/// </summary>
public sealed class ServeChild : IAsyncDisposable
{
    private readonly Process _process;

    private ServeChild(Process process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public int ProcessId => _process.Id;

    /// <param name="decodeMemoryMib">The server's decode budget (<c>--decode-memory</c>), or null for its default.</param>
    /// <param name="environment">Extra environment variables for the child (GC settings as experiments), or none.</param>
    public static async Task<ServeChild> StartAsync(
        string dataDirectory, string bucket, string bucketDirectory, int? decodeMemoryMib, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "refinery.dll"), "serve", "--data-dir", dataDirectory,
                "--urls", $"http://127.0.0.1:{port}", "--storage-root", $"{bucket}={bucketDirectory}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (decodeMemoryMib is { } mebibytes)
        {
            start.ArgumentList.Add("--decode-memory");
            start.ArgumentList.Add(mebibytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start refinery serve");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { Length: > 0 } text)
            {
                Console.Error.WriteLine($"[serve] {text}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new ServeChild(process, new Uri($"http://127.0.0.1:{port}"), dataDirectory);
        await child.WaitUntilListeningAsync(cancellationToken);
        Console.WriteLine($"    [refinery serve pid {process.Id}, {child.BaseAddress}]");
        return child;
    }

    /// <summary>The project id and token <c>refinery serve</c> created on its first start.</summary>
    public (string ProjectId, string Token) Credentials()
    {
        var credentials = JsonNode.Parse(File.ReadAllText(Path.Combine(DataDirectory, "credentials.json")))!;
        return (credentials["project_id"]!.GetValue<string>(), credentials["token"]!.GetValue<string>());
    }

    /// <summary>A line of <c>/proc/&lt;pid&gt;/status</c> in KiB: VmHWM is the peak resident set, VmRSS the current one.</summary>
    public long StatusKib(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{_process.Id}/status has no {field}.");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"refinery serve exited with code {_process.ExitCode}");
            }

            try
            {
                using var response = await http.GetAsync("/v2/ping/processor-tasks", cancellationToken);
                return; // any HTTP answer (401 here) means it is up
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(200, cancellationToken);
            }
        }

        throw new TimeoutException("refinery serve did not start listening within 90 s");
    }
}
