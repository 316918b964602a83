using System.Diagnostics;
using Refinery.Bench.Support;
using Refinery.TestSupport;

namespace Refinery.Bench.Scale;

/// <summary>
/// Samples per second with one and with two <c>refinery worker</c> processes, each running one job (shard) at a time
/// and one sample at a time, against one <c>serve --no-workers</c> on a throwaway PostgreSQL. Runs alternate one
/// worker / two workers, so a change in the shared machine's load reaches both alike.
/// </summary>
public sealed class WorkerScaling(PostgresCluster cluster, string bucketDirectory, ImageFolder images, ImageFolder warmUp, int runs, bool withValidation)
{
    private static readonly TimeSpan _runTimeout = TimeSpan.FromMinutes(60);

    private const string Bucket = "imgs";

    // Where validations publish their output, inside the bucket; removed at the end.
    private const string ValidatedFolder = "validated";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        images.EnsureMade();
        warmUp.EnsureMade();
        var database = await cluster.CreateDatabaseAsync();
        var work = Directory.CreateTempSubdirectory("refinery-bench-scale-").FullName;
        try
        {
            string[] shared = ["--db", database, "--staging-dir", Path.Combine(work, "staging"), "--storage-root", $"{Bucket}={bucketDirectory}"];
            string[] oneAtATime = [.. shared, "--workers", "1", "--sample-parallelism", "1"];
            await using var serve = await RefineryChild.StartServeAsync(Path.Combine(work, "serve"), [.. shared, "--no-workers"], cancellationToken);
            using var api = new RefineryApi(serve);
            await using var first = await RefineryChild.StartWorkerAsync("worker 1", Path.Combine(work, "worker-1"), oneAtATime, cancellationToken);
            await RunOnceAsync(api, "analysis", warmUp, cancellationToken);

            var kinds = withValidation ? new[] { "analysis", "validation" } : ["analysis"];
            var rates = kinds.ToDictionary(kind => kind, _ => (One: new List<double>(), Two: new List<double>()));
            for (var run = 1; run <= runs; run++)
            {
                foreach (var kind in kinds)
                {
                    rates[kind].One.Add(await MeasureAsync(api, kind, workers: 1, run, cancellationToken));
                }

                await using (var second = await RefineryChild.StartWorkerAsync("worker 2", Path.Combine(work, "worker-2"), oneAtATime, cancellationToken))
                {
                    // Both workers take one of its two shards, so the new process is past its JIT warm-up too.
                    await RunOnceAsync(api, "analysis", warmUp, cancellationToken);
                    foreach (var kind in kinds)
                    {
                        rates[kind].Two.Add(await MeasureAsync(api, kind, workers: 2, run, cancellationToken));
                    }
                }
            }

            Console.WriteLine();
            foreach (var (kind, (one, two)) in rates)
            {
                var ratio = Statistics.Median(two) / Statistics.Median(one);
                Console.WriteLine(
                    $"{kind}, {images.Count} samples, median of {runs}: 1 worker {Statistics.Median(one):F1} samples/s, 2 workers {Statistics.Median(two):F1} samples/s, "
                    + $"ratio {ratio:F2} (aim ≥ 1.7)");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            if (Directory.Exists(Path.Combine(bucketDirectory, ValidatedFolder)))
            {
                Directory.Delete(Path.Combine(bucketDirectory, ValidatedFolder), recursive: true);
            }
        }
    }

    private async Task<double> MeasureAsync(RefineryApi api, string kind, int workers, int run, CancellationToken cancellationToken)
    {
        var loadBefore = MachineInfo.LoadAverage();
        var wall = await RunOnceAsync(api, kind, images, cancellationToken);
        var rate = images.Count / wall.TotalSeconds;
        Console.WriteLine(
            $"  run {run}, {kind}, {workers} worker(s): {images.Count} samples in {wall.TotalSeconds:F1} s = {rate:F1} samples/s "
            + $"(load average before {loadBefore}, after {MachineInfo.LoadAverage()})");
        return rate;
    }

    /// <summary>From just before the POST to the first poll that sees the version completed.</summary>
    private static async Task<TimeSpan> RunOnceAsync(RefineryApi api, string kind, ImageFolder folder, CancellationToken cancellationToken)
    {
        var name = $"scale-{kind}-{Guid.NewGuid():N}";
        var source = $"obs://{Bucket}/{folder.Name}/";
        var body = kind == "analysis"
            ? $$"""
                { "name": "{{name}}", "data_source": { "type": "OBS", "source": "{{source}}" },
                  "template": { "id": "sys_data_analyse", "operator_params": [ { "id": "sys_data_analyse", "params": { "op_list": [], "is_normed": false } } ] } }
                """
            : $$"""
                { "name": "{{name}}", "inputs": [ { "type": "OBS", "source": "{{source}}" } ],
                  "work_path": { "type": "OBS", "path": "obs://{{Bucket}}/{{ValidatedFolder}}/{{name}}/" },
                  "template": { "id": "sys_data_validation", "operator_params": [ { "name": "MetaValidation",
                    "params": { "task_type": "image_classification", "dataset_type": "manifest", "image_max_width": "-1", "image_max_height": "-1" } } ] } }
                """;
        var clock = Stopwatch.StartNew();
        var (taskId, versionId) = await api.CreateTaskAsync(body, cancellationToken);
        await api.WaitForCompletionAsync(taskId, versionId, _runTimeout, cancellationToken);
        return clock.Elapsed;
    }
}
