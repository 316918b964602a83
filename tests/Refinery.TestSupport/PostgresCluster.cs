using System.Diagnostics;
using Npgsql;
using Xunit;

namespace Refinery.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster on 127.0.0.1: made with <c>initdb</c> in a temporary directory, started with
/// <c>pg_ctl</c> on a free port, stopped and deleted at the end. PostgreSQL comes from Debian's <c>postgresql</c>
/// package, which <c>scripts/install-prerequisites.sh</c> installs with <c>REFINERY_WITH_TEST_SERVICES=1</c>. Shared by the
/// distributed tests and <c>bench/Refinery.Bench.Scale</c>.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private const string Superuser = "postgres";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("refinery-pg-");
    private string _bin = "";

    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(_root.FullName, "data");

    public async Task InitializeAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin")).Where(bin => File.Exists(Path.Combine(bin, "initdb"))).Order(StringComparer.Ordinal).LastOrDefault() ?? ""
            : "";
        if (_bin.Length == 0)
        {
            throw new InvalidOperationException(
                "PostgreSQL is not installed: run REFINERY_WITH_TEST_SERVICES=1 scripts/install-prerequisites.sh (it installs Debian's postgresql).");
        }

        if (Environment.UserName == "root")
        {
            // initdb refuses to run as root; the cluster belongs to the postgres user the package made.
            await RunAsync("chown", Superuser, _root.FullName);
        }

        Port = LoopbackPorts.Free();
        await RunAsPostgresAsync("initdb", "-D", DataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await RunAsPostgresAsync(
            "pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_root.FullName, "log"), "-w",
            "-o", $"-p {Port} -k {_root.FullName} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /// <summary>A new empty database in the cluster, as the <c>postgres://</c> URL <c>--db</c> takes.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "refinery_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username={Superuser};Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return $"postgres://{Superuser}@127.0.0.1:{Port}/{name}";
    }

    /// <summary>An open connection to a database made by <see cref="CreateDatabaseAsync"/>, for reading the catalog as it is.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string databaseUrl)
    {
        var url = new Uri(databaseUrl);
        var connection = new NpgsqlConnection($"Host={url.Host};Port={url.Port};Username={url.UserInfo};Database={url.AbsolutePath.TrimStart('/')}");
        await connection.OpenAsync();
        return connection;
    }

    public async Task DisposeAsync()
    {
        if (Port != 0)
        {
            NpgsqlConnection.ClearAllPools();
            await RunAsPostgresAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        }

        _root.Delete(recursive: true);
    }

    private Task RunAsPostgresAsync(string program, params string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", Superuser, "--", Path.Combine(_bin, program), .. arguments])
            : RunAsync(Path.Combine(_bin, program), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await errors}");
        }
    }
}
