using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Refinery.Storage.S3;
using Xunit;

namespace Refinery.TestSupport;

/// <summary>
/// A real s3rver (tests/s3rver, pinned to 3.7.1) on a free loopback port with a throwaway data directory; a test
/// project shares one per collection. <c>npm ci</c> installs the server on first use.
/// </summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";
    public const string DefaultBucket = "refinery";

    private static readonly TimeSpan _npmCiTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan _installLockPollInterval = TimeSpan.FromMilliseconds(200);

    // One install per process at a time; the lock file below keeps test projects run in parallel from racing too.
    private static readonly SemaphoreSlim _installLock = new(1, 1);

    private readonly StringBuilder _serverOutput = new();
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("refinery-s3rver-").FullName;
    private Process? _server;
    private AmazonS3Client? _admin;
    private int _bucketCount;

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1:1");

    public async Task InitializeAsync()
    {
        var serverDirectory = Path.Combine(FindRepositoryRoot(), "tests", "s3rver");
        var entryPoint = Path.Combine(serverDirectory, "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(entryPoint))
        {
            await InstallServerAsync(serverDirectory);
        }

        var port = FreeLoopbackPort();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = serverDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // s3rver 3.7.1 encrypts continuation tokens with DES, which OpenSSL 3 (Node 17 and later) only offers
        // through its legacy provider; without it every second page of a listing is a 500.
        foreach (var argument in new[] { "--openssl-legacy-provider", entryPoint, "-d", _dataDirectory, "-a", "127.0.0.1", "-p", $"{port}", "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for s3rver.");
        // Drained so that a chatty server can never block on a full pipe; kept for the error message.
        _server.OutputDataReceived += (_, e) => Record(e.Data);
        _server.ErrorDataReceived += (_, e) => Record(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await WaitUntilListeningAsync(port);

        _admin = new AmazonS3Client(
            new BasicAWSCredentials(AccessKey, SecretKey),
            new AmazonS3Config { ServiceURL = Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        await _admin.PutBucketAsync(DefaultBucket);
    }

    /// <summary>A new empty bucket, for tests that list or delete everything in one.</summary>
    public async Task<string> CreateBucketAsync()
    {
        var name = $"bucket-{Interlocked.Increment(ref _bucketCount):D4}";
        await _admin!.PutBucketAsync(name);
        return name;
    }

    /// <summary>Options for <paramref name="remoteBucket"/> on this server with the server's credentials.</summary>
    public S3StoreOptions Options(string remoteBucket = DefaultBucket) =>
        new(Endpoint, AccessKey, SecretKey, remoteBucket);

    public Task DisposeAsync()
    {
        _admin?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _server?.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless; failing the run over it is not.
        }

        return Task.CompletedTask;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Refinery.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Refinery.slnx above {AppContext.BaseDirectory}: cannot find tests/s3rver.");
    }

    private static async Task InstallServerAsync(string serverDirectory)
    {
        await _installLock.WaitAsync();
        try
        {
            await using var installing = await LockInstallAsync(serverDirectory);
            if (File.Exists(Path.Combine(serverDirectory, "node_modules", "s3rver", "bin", "s3rver.js")))
            {
                return;
            }

            var start = new ProcessStartInfo("npm")
            {
                WorkingDirectory = serverDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
            {
                start.ArgumentList.Add(argument);
            }

            using var npm = Process.Start(start) ?? throw new InvalidOperationException("Could not start npm.");
            var output = npm.StandardOutput.ReadToEndAsync();
            var error = npm.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(_npmCiTimeout);
            try
            {
                await npm.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                npm.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"`npm ci` in {serverDirectory} did not finish within {_npmCiTimeout}.");
            }

            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"`npm ci` in {serverDirectory} failed with exit code {npm.ExitCode}:\n{await output}\n{await error}");
            }
        }
        finally
        {
            _installLock.Release();
        }
    }

    // Held open with FileShare.None for the whole install; the OS releases it if the process dies.
    private static async Task<FileStream> LockInstallAsync(string serverDirectory)
    {
        var path = Path.Combine(serverDirectory, ".npm-ci.lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (waited.Elapsed < _npmCiTimeout)
            {
                await Task.Delay(_installLockPollInterval);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < _startTimeout)
        {
            if (_server!.HasExited)
            {
                throw new InvalidOperationException(
                    $"s3rver exited with code {_server.ExitCode} before listening on port {port}:\n{ServerOutput()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        _server!.Kill(entireProcessTree: true);
        throw new TimeoutException($"s3rver did not listen on port {port} within {_startTimeout}:\n{ServerOutput()}");
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_serverOutput)
        {
            _serverOutput.AppendLine(line);
        }
    }

    private string ServerOutput()
    {
        lock (_serverOutput)
        {
            return _serverOutput.ToString();
        }
    }
}
