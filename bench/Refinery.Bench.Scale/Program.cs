// Distributed mode at scale, on one machine and a throwaway PostgreSQL cluster (Debian's postgresql, started with
// initdb/pg_ctl on 127.0.0.1 and removed at the end):
// (1) worker scaling: samples/s of an analysis (and with --validation a validation) with one and with two
//     `refinery worker` processes, each running one shard and one sample at a time (--workers 1
//     --sample-parallelism 1), behind one `refinery serve --no-workers`; median of --runs runs, the ratio;
// (2) catalog latency: --tasks tasks (with their versions) seeded through CatalogContext into SQLite and into
//     PostgreSQL, a fresh `refinery serve` on each, and the median and p95 of --calls sequential list and detail calls.
// Usage: dotnet run -c Release --project bench/Refinery.Bench.Scale -- [--only workers|catalog] [--images 1600]
//        [--width 1024] [--height 768] [--runs 3] [--validation] [--tasks 100000] [--calls 200] [--catalogs sqlite,postgresql]
//        [--cache-dir /tmp/refinery-bench-scale]
using Refinery.Bench.Scale;
using Refinery.Bench.Support;
using Refinery.TestSupport;

var arguments = new BenchArguments(args);
var only = arguments.Text("--only", null);
if (only is not (null or "workers" or "catalog"))
{
    Console.Error.WriteLine($"--only '{only}' must be workers or catalog.");
    return 2;
}

var images = arguments.Number("--images", 1600, 400, 200_000);
var width = arguments.Number("--width", 1024, 64, 8192);
var height = arguments.Number("--height", 768, 64, 8192);
var runs = arguments.Number("--runs", 3, 1, 20);
var taskCount = arguments.Number("--tasks", 100_000, 100, 1_000_000);
var calls = arguments.Number("--calls", 200, 10, 100_000);
var databases = (arguments.Text("--catalogs", null) ?? "sqlite,postgresql").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Select(name => name.ToLowerInvariant() switch
    {
        "sqlite" => "SQLite",
        "postgresql" => "PostgreSQL",
        _ => throw new ArgumentException($"--catalogs: '{name}' is not sqlite or postgresql."),
    })
    .ToList();
var bucketDirectory = Path.Combine(arguments.Text("--cache-dir", null) ?? Path.Combine(Path.GetTempPath(), "refinery-bench-scale"), "bucket");

using var cancel = new CancellationTokenSource(TimeSpan.FromHours(3)); // bounds the whole run
Console.WriteLine($"Machine: {MachineInfo.Describe()}; load average {MachineInfo.LoadAverage()}");
var cluster = new PostgresCluster();
await cluster.InitializeAsync();
try
{
    if (only is null or "workers")
    {
        Console.WriteLine();
        var folder = new ImageFolder(bucketDirectory, images, width, height);
        // Two shards of the engine's 200 samples, so that each of two workers takes one.
        var warmUp = new ImageFolder(bucketDirectory, 400, width, height);
        Console.WriteLine($"== Worker scaling: {folder.Describe()}, {runs} run(s) alternating 1 and 2 workers, each worker --workers 1 --sample-parallelism 1");
        await new WorkerScaling(cluster, bucketDirectory, folder, warmUp, runs, arguments.Has("--validation")).RunAsync(cancel.Token);
    }

    if (only is null or "catalog")
    {
        Console.WriteLine();
        Console.WriteLine($"== Catalog latency: {taskCount:N0} tasks, {calls} calls per figure, one at a time");
        await new CatalogLatency(cluster, databases, taskCount, calls).RunAsync(cancel.Token);
    }
}
finally
{
    await cluster.DisposeAsync();
}

Console.WriteLine();
Console.WriteLine($"Load average at the end: {MachineInfo.LoadAverage()}");
return 0;
