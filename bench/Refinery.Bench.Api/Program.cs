// Throughput of GET /v2/{project_id}/processor-tasks/{task_id} over a 10,000-task catalog, against a bare Kestrel
// endpoint returning the same bytes, driven by the same wrk client in alternating rounds. Loopback only.
// Usage: dotnet run -c Release --project bench/Refinery.Bench.Api -- [--seconds 10] [--rounds 3] [--connections 16] [--threads 1] [--tasks 10000] [--keep-data]
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Refinery.Api.Hosting;
using Refinery.Bench.Api;
using Refinery.Bench.Support;
using Refinery.Catalog;
using Refinery.Engine.Tasks;

var seconds = Option("--seconds", 10, 1, 120);
var rounds = Option("--rounds", 3, 1, 20);
var connections = Option("--connections", 16, 1, 512);
var threads = Option("--threads", 1, 1, 16);
var taskCount = Option("--tasks", 10_000, 1, 1_000_000);
var keepData = args.Contains("--keep-data"); // leaves the seeded catalog behind for sqlite3 / EXPLAIN
if (!WrkLoad.IsInstalled())
{
    Console.Error.WriteLine("wrk is not installed: apt-get install -y wrk");
    return 1;
}

using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30)); // bounds the whole run
var token = cancel.Token;
var dataDirectory = Directory.CreateTempSubdirectory("refinery-bench-api-").FullName;
try
{
    var options = new RefineryOptions { DataDirectory = dataDirectory, Urls = "http://127.0.0.1:0", RunWorkers = false };
    var (server, credentials) = await RefineryServer.BuildAsync(options, logging => logging.ClearProviders(), token);
    await using var _ = server;
    var project = credentials ?? throw new InvalidOperationException("A fresh data directory must create the default project.");
    var catalog = server.Services.GetRequiredService<IDbContextFactory<CatalogContext>>();

    var seeding = System.Diagnostics.Stopwatch.StartNew();
    var analysisResults = await AnalysisResults.MakeAsync(variants: 6, seed: 11);
    var taskIds = await CatalogSeeder.SeedAsync(catalog, project.ProjectId, taskCount, analysisResults, token);
    Console.WriteLine($"Seeded {taskIds.Count} tasks in {seeding.Elapsed.TotalSeconds:F1} s "
        + $"(analysis result JSON {analysisResults.Min(r => r.Length)}–{analysisResults.Max(r => r.Length)} chars)");

    await server.StartAsync(token);
    var serverAddress = new Uri(server.Urls.Single());
    var body = await PickRepresentativeBodyAsync(serverAddress, project.ProjectId, project.Token, taskIds, token);
    var bare = await BareEndpoint.StartAsync(body, token);
    await using var __ = bare;
    var bareAddress = new Uri(bare.Urls.Single());

    var load = new WrkLoad(dataDirectory, project.ProjectId, project.Token, taskIds, threads, connections);
    Console.WriteLine($"wrk -t{threads} -c{connections}, {seconds} s per round, {rounds} rounds each, alternating; machine: {MachineInfo.Describe()}");
    Console.WriteLine("The machine is shared: 2 cores with other agents' work, so absolute figures move between runs; the ratio is the figure to compare.");
    await load.RunAsync(serverAddress, TimeSpan.FromSeconds(3), token); // warm-up: JIT, context pool, page cache
    await load.RunAsync(bareAddress, TimeSpan.FromSeconds(3), token);
    var real = new List<LoadResult>();
    var baseline = new List<LoadResult>();
    for (var round = 0; round < rounds; round++)
    {
        // Swap the order every round so neither side always runs second (after the other has heated the CPU).
        var realFirst = round % 2 == 0;
        var first = await load.RunAsync(realFirst ? serverAddress : bareAddress, TimeSpan.FromSeconds(seconds), token);
        var second = await load.RunAsync(realFirst ? bareAddress : serverAddress, TimeSpan.FromSeconds(seconds), token);
        var (a, b) = realFirst ? (first, second) : (second, first);
        real.Add(a);
        baseline.Add(b);
        Console.WriteLine($"round {round + 1}: real {Describe(a)} | bare {Describe(b)}");
    }

    var realMedian = Median(real.Select(r => r.RequestsPerSecond));
    var bareMedian = Median(baseline.Select(r => r.RequestsPerSecond));
    Console.WriteLine();
    Console.WriteLine($"GET processor-tasks/{{task_id}}: median {realMedian:F0} req/s, p50 {Median(real.Select(r => r.P50Micros)) / 1000:F2} ms, p99 {Median(real.Select(r => r.P99Micros)) / 1000:F2} ms, {real.Sum(r => r.Bytes) / real.Sum(r => r.Requests)} B/response");
    Console.WriteLine($"bare endpoint, same bytes:     median {bareMedian:F0} req/s, p50 {Median(baseline.Select(r => r.P50Micros)) / 1000:F2} ms, p99 {Median(baseline.Select(r => r.P99Micros)) / 1000:F2} ms, {baseline.Sum(r => r.Bytes) / baseline.Sum(r => r.Requests)} B/response");
    Console.WriteLine($"ratio real/bare: {realMedian / bareMedian:P1} (aim ≥ 40 %)");
    if (real.Concat(baseline).Any(r => r.Non2xx + r.SocketErrors > 0))
    {
        Console.WriteLine("WARNING: some requests failed (non-2xx or socket errors); see the rounds above.");
    }

    Console.WriteLine();
    Console.WriteLine("Server-side steps of one request, in-process, one thread, median µs over 2000 random tasks:");
    var breakdown = new RequestBreakdown(catalog, server.Services.GetRequiredService<TaskQueries>(), CatalogDatabase.SqliteFile(options.CatalogPath).ConnectionString, project.ProjectId, taskIds);
    foreach (var (step, micros) in await breakdown.MeasureAsync(2000, token))
    {
        Console.WriteLine($"  {step,-48} {micros,8:F1}");
    }

    await bare.StopAsync(token);
    await server.StopAsync(token);
    return 0;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // releases the catalog file so the directory can go
    if (keepData)
    {
        Console.WriteLine($"Catalog kept in {dataDirectory}");
    }
    else
    {
        Directory.Delete(dataDirectory, recursive: true);
    }
}

// The bare endpoint serves one body; take the one whose size is nearest the mean over a sample of tasks, so both
// sides move about the same bytes per request.
static async Task<byte[]> PickRepresentativeBodyAsync(Uri server, string projectId, string token, IReadOnlyList<string> taskIds, CancellationToken cancellationToken)
{
    using var client = new HttpClient { BaseAddress = server };
    client.DefaultRequestHeaders.Add("X-Auth-Token", token);
    var random = new Random(3);
    var bodies = new List<byte[]>();
    for (var i = 0; i < 500; i++)
    {
        using var response = await client.GetAsync($"v2/{projectId}/processor-tasks/{taskIds[random.Next(taskIds.Count)]}", cancellationToken);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentType is not MediaTypeHeaderValue { MediaType: "application/json" })
        {
            throw new InvalidOperationException($"Unexpected content type {response.Content.Headers.ContentType}.");
        }

        bodies.Add(await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    var mean = bodies.Average(b => b.Length);
    var picked = bodies.MinBy(b => Math.Abs(b.Length - mean))!;
    Console.WriteLine($"Task responses: {bodies.Min(b => b.Length)}–{bodies.Max(b => b.Length)} B, mean {mean:F0} B; the bare endpoint serves a {picked.Length} B one");
    return picked;
}

static string Describe(LoadResult result) =>
    $"{result.RequestsPerSecond,7:F0} req/s p50 {result.P50Micros / 1000:F2} ms p99 {result.P99Micros / 1000:F2} ms"
    + (result.Non2xx + result.SocketErrors > 0 ? $" ({result.Non2xx} non-2xx, {result.SocketErrors} socket errors)" : "");

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

int Option(string name, int fallback, int min, int max)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? Math.Clamp(int.Parse(args[index + 1], CultureInfo.InvariantCulture), min, max) : fallback;
}
