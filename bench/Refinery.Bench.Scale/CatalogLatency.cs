using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Refinery.Bench.Support;
using Refinery.Catalog;
using Refinery.TestSupport;

namespace Refinery.Bench.Scale;

/// <summary>
/// Latency of the task list and the task detail with many tasks in the catalog: the same seeded tasks in SQLite and
/// in PostgreSQL, each behind a fresh <c>refinery serve</c>, called one request at a time.
/// </summary>
public sealed class CatalogLatency(PostgresCluster cluster, IReadOnlyList<string> databases, int taskCount, int calls)
{
    private const int WarmUpCalls = 10;

    /// <summary>The calls measured: a name, and the path and query after <c>/v2/{project_id}/processor-tasks</c> (null: a random task's detail).</summary>
    private static readonly (string Name, string? Query)[] _calls =
    [
        ("list, default paging", ""),
        ("list, task_type + status, sort_by=name", "?task_type=sys_data_analyse&status=2&sort_by=name&order=asc"),
        ("list, query_current=true, sort_by=duration_seconds", "?query_current=true&sort_by=duration_seconds&order=desc"),
        ("list, offset=50000", "?offset=50000&limit=10"),
        ("detail (random task)", null),
    ];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var figures = new Dictionary<string, List<(string Call, double MedianMs, double P95Ms)>>();
        foreach (var database in databases)
        {
            var work = Directory.CreateTempSubdirectory("refinery-bench-catalog-").FullName;
            try
            {
                var dataDirectory = Path.Combine(work, "serve");
                var postgres = database == "PostgreSQL" ? await cluster.CreateDatabaseAsync() : null;
                string[] arguments = postgres is null ? ["--workers", "1"] : ["--db", postgres, "--no-workers"];
                await using var serve = await RefineryChild.StartServeAsync(dataDirectory, arguments, cancellationToken);
                using var api = new RefineryApi(serve);
                var taskIds = await SeedAsync(serve, postgres, cancellationToken);
                figures[database] = await MeasureAsync(api, database, taskIds, cancellationToken);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| call ({taskCount:N0} tasks, {calls} calls each) | {string.Join(" | ", databases.Select(database => $"{database} median / p95 ms"))} |");
        Console.WriteLine($"|---|{string.Concat(databases.Select(_ => "---:|"))}");
        for (var index = 0; index < _calls.Length; index++)
        {
            var cells = databases.Select(database => figures[database][index]).Select(figure => $"{figure.MedianMs:F2} / {figure.P95Ms:F2}");
            Console.WriteLine($"| {_calls[index].Name} | {string.Join(" | ", cells)} |");
        }
    }

    private async Task<IReadOnlyList<string>> SeedAsync(RefineryChild serve, string? postgres, CancellationToken cancellationToken)
    {
        var catalogDatabase = postgres is null
            ? CatalogDatabase.SqliteFile(Path.Combine(serve.DataDirectory, "catalog.db"))
            : CatalogDatabase.PostgreSql(postgres);
        var options = new DbContextOptionsBuilder<CatalogContext>();
        catalogDatabase.Configure(options);
        var catalog = new PooledDbContextFactory<CatalogContext>(options.Options);
        var clock = Stopwatch.StartNew();
        var analysisResults = await AnalysisResults.MakeAsync(variants: 6, seed: 11);
        var taskIds = await CatalogSeeder.SeedAsync(catalog, serve.Credentials().ProjectId, taskCount, analysisResults, cancellationToken);
        if (postgres is not null)
        {
            // What autovacuum does a minute after a bulk insert; done now so the planner knows the table's size.
            await using var db = await catalog.CreateDbContextAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
            NpgsqlConnection.ClearAllPools();
        }

        Console.WriteLine($"  seeded {taskCount:N0} tasks with their versions in {clock.Elapsed.TotalSeconds:F1} s");
        return taskIds;
    }

    private async Task<List<(string Call, double MedianMs, double P95Ms)>> MeasureAsync(
        RefineryApi api, string database, IReadOnlyList<string> taskIds, CancellationToken cancellationToken)
    {
        var random = new Random(7);
        var results = new List<(string, double, double)>();
        foreach (var (name, query) in _calls)
        {
            string Next() => query ?? $"/{taskIds[random.Next(taskIds.Count)]}";
            for (var call = 0; call < WarmUpCalls; call++)
            {
                await api.TimeGetAsync(api.TasksPath + Next(), cancellationToken);
            }

            var loadBefore = MachineInfo.LoadAverage();
            var milliseconds = new List<double>(calls);
            for (var call = 0; call < calls; call++)
            {
                milliseconds.Add((await api.TimeGetAsync(api.TasksPath + Next(), cancellationToken)).TotalMilliseconds);
            }

            var (median, p95) = (Statistics.Median(milliseconds), Statistics.Percentile(milliseconds, 0.95));
            Console.WriteLine($"  {database}, {name}: median {median:F2} ms, p95 {p95:F2} ms (load average before {loadBefore}, after {MachineInfo.LoadAverage()})");
            results.Add((name, median, p95));
        }

        return results;
    }
}
