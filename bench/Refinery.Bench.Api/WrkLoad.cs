using System.Diagnostics;
using System.Globalization;

namespace Refinery.Bench.Api;

/// <summary>
/// Drives an endpoint with <c>wrk</c>: every request is a GET of a task id drawn at random from the seeded ones,
/// with the <c>X-Auth-Token</c> header; the Lua <c>done</c> hook prints the counts and latency percentiles.
/// </summary>
public sealed class WrkLoad(string workDirectory, string projectId, string token, IReadOnlyList<string> taskIds, int threads, int connections)
{
    private const string ResultTag = "BENCH";

    public static bool IsInstalled() => File.Exists("/usr/bin/wrk") || File.Exists("/usr/local/bin/wrk");

    public async Task<LoadResult> RunAsync(Uri baseAddress, TimeSpan duration, CancellationToken cancellationToken)
    {
        var idsPath = Path.Combine(workDirectory, "task-ids.txt");
        var scriptPath = Path.Combine(workDirectory, "random-task.lua");
        if (!File.Exists(scriptPath))
        {
            await File.WriteAllLinesAsync(idsPath, taskIds, cancellationToken);
            await File.WriteAllTextAsync(scriptPath, Script(idsPath), cancellationToken);
        }

        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{(int)duration.TotalSeconds}s",
            "--timeout", "10s",
            "-s", scriptPath,
            baseAddress.ToString().TrimEnd('/'),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk.");
        var output = wrk.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = wrk.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(duration + TimeSpan.FromSeconds(30)); // wrk stops itself; this only bounds a hang
        await wrk.WaitForExitAsync(deadline.Token);
        var line = (await output).Split('\n').FirstOrDefault(l => l.StartsWith(ResultTag, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result (exit {wrk.ExitCode}): {await errors}");
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new LoadResult((long)fields[0], fields[1] / 1e6, (long)fields[2], fields[3], fields[4], (long)fields[5], (long)fields[6]);
    }

    private string Script(string idsPath) => $$"""
        local ids = {}
        for line in io.lines("{{idsPath}}") do ids[#ids + 1] = line end
        local prefix = "/v2/{{projectId}}/processor-tasks/"
        wrk.headers["X-Auth-Token"] = "{{token}}"

        local threads = 0
        function setup(thread)
          threads = threads + 1
          thread:set("seed", threads)
        end

        function init(args)
          math.randomseed(seed or 1)
        end

        function request()
          return wrk.format("GET", prefix .. ids[math.random(#ids)])
        end

        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("{{ResultTag}} %d %d %d %d %d %d %d\n", summary.requests, summary.duration, summary.bytes,
            latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
        end
        """;
}
