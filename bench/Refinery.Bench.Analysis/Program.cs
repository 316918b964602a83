// Analysis throughput: (a) OpenCV full-size decode of N generated 1–2 MP JPEGs, Parallel over files; (b) the same
// files analysed end to end through the API (create a sys_data_analyse task → version completed) by a real
// `refinery serve` child process; the ratio b/a; and the server's peak RSS (VmHWM) per dataset size, one fresh
// process per size. Then (c) the analysis operator alone over the same files and one thread's time per step, to show
// where the time goes. Loopback only; every wait is bounded.
// Usage: dotnet run -c Release --project bench/Refinery.Bench.Analysis -- [--images 2000] [--rss-images 2000,20000]
//        [--skip-rss | --rss-only] [--serve-env NAME=VALUE,...] [--distinct 500] [--cache-dir /tmp/refinery-bench-analysis]
// --rss-only skips (a), (b) and (c) and runs only the per-N servers; --serve-env sets environment variables of the
// server child (GC settings, as experiments). Every server run samples its VmRSS and the version's progress once a
// second; the trace is written as CSV beside the image cache and summarised by processed samples and by stage.
using System.Globalization;
using Refinery.Bench.Analysis;

const string Bucket = "imgs";
const double Aim = 0.6;

var images = IntOption("--images", 2000, 10, 200_000);
var distinct = IntOption("--distinct", 500, 1, 10_000);
var rssImages = args.Contains("--skip-rss") ? [] : ListOption("--rss-images", [2000, 20_000]);
var rssOnly = args.Contains("--rss-only");
var cacheRoot = StringOption("--cache-dir", Path.Combine(Path.GetTempPath(), "refinery-bench-analysis"));
var serveEnvironment = StringOption("--serve-env", "")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Select(pair => pair.Split('=', 2))
    .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");
var environmentTag = string.Concat(serveEnvironment.Select(pair => $"-{pair.Key.Replace("DOTNET_", "", StringComparison.Ordinal)}{pair.Value}"));

using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(90)); // bounds the whole run
var token = cancel.Token;
Console.WriteLine($"Machine: {MachineInfo.Describe()}; load average {MachineInfo.LoadAverage()} (2 cores shared with other agents' work: absolute figures move between runs)");
if (serveEnvironment.Count > 0)
{
    Console.WriteLine($"Server environment (experiment): {string.Join(' ', serveEnvironment.Select(pair => $"{pair.Key}={pair.Value}"))}");
}

var cache = new ImageCache(cacheRoot, distinct);
var rss = new SortedDictionary<int, ApiAnalysisResult>();
if (rssOnly)
{
    foreach (var count in rssImages)
    {
        cache.Dataset(count);
        rss[count] = await AnalyseThroughApiAsync(count);
    }

    ReportRss();
    return 0;
}

var files = cache.Dataset(images);
Console.WriteLine($"Dataset: {images} JPEGs in {Path.Combine(cache.Root, ImageCache.DatasetFolder(images))}, hard links to {cache.DescribeDistinct()}");
foreach (var file in cache.DistinctFiles())
{
    File.ReadAllBytes(file); // page cache: neither side reads the disk
}

// (a) the decode ceiling
var decode = DecodeThroughput.Measure(files, token);
Console.WriteLine($"(a) OpenCV decode, full size, Parallel over files ({Environment.ProcessorCount} cores): {decode.ImagesPerSecond:F1} images/s ({images} in {decode.Wall.TotalSeconds:F1} s; load {MachineInfo.LoadAverage()})");

// (b) end to end through the API
var api = await AnalyseThroughApiAsync(images);
rss[images] = api;
var ratio = api.ImagesPerSecond / decode.ImagesPerSecond;
Console.WriteLine($"(b) analysis through the API, create → completed: {api.ImagesPerSecond:F1} images/s ({images} in {api.Wall.TotalSeconds:F1} s; load {MachineInfo.LoadAverage()})");
Console.WriteLine($"    b/a = {ratio:F2} (aim ≥ {Aim})");
Console.WriteLine($"    stages (catalog timestamps): queued {api.Stages.QueuedMs} ms, plan + first shard {api.Stages.FirstShardMs} ms, plan + map {api.Stages.PlanAndMapMs} ms ({api.ShardCount} shards), reduce + store {api.Stages.ReduceMs} ms");
Console.WriteLine($"    result: sample_count {api.Result["sample_count"]}, analysed {api.Result["analysed_count"]}, exact_duplicates {api.Result["quality"]!["exact_duplicates"]}, near_duplicates {api.Result["quality"]!["near_duplicates"]}");

// (c) the operator without the engine, and its steps
var breakdown = new OperatorBreakdown(Bucket, cache.Root);
var keys = files.Select(file => Path.GetRelativePath(cache.Root, file)).ToList();
var operatorOnly = await breakdown.OperatorThroughputAsync(keys, token);
Console.WriteLine($"(c) AnalysisSampleOperator alone, Parallel over files ({Environment.ProcessorCount} cores): {operatorOnly.ImagesPerSecond:F1} images/s ({images} in {operatorOnly.Wall.TotalSeconds:F1} s; load {MachineInfo.LoadAverage()})");
Console.WriteLine($"    c/a = {operatorOnly.ImagesPerSecond / decode.ImagesPerSecond:F2} (the operator's own cost beyond decoding); b/c = {api.ImagesPerSecond / operatorOnly.ImagesPerSecond:F2} (what the engine and API keep)");
var sampled = keys.Take(Math.Min(keys.Count, Math.Min(distinct, 41))).ToList();
Console.WriteLine($"    one thread, mean ms per image over {sampled.Count - 1} distinct images (after one warm-up):");
foreach (var (step, milliseconds) in await breakdown.StepsAsync(sampled, token))
{
    Console.WriteLine($"      {step,-54} {milliseconds,8:F2}");
}

// Peak RSS per dataset size, one fresh server process each
foreach (var count in rssImages.Where(count => !rss.ContainsKey(count)))
{
    cache.Dataset(count);
    rss[count] = await AnalyseThroughApiAsync(count);
}

ReportRss();

Console.WriteLine();
Console.WriteLine($"Summary: N {images}; (a) {decode.ImagesPerSecond:F1} images/s; (b) {api.ImagesPerSecond:F1} images/s; b/a {ratio:F2} (aim ≥ {Aim}: {(ratio >= Aim ? "met" : "not met")}); "
    + $"(c) operator alone {operatorOnly.ImagesPerSecond:F1} images/s");
if (ratio < Aim)
{
    // Per-image machine time (cores × wall / images) of each layer, so the gaps add up.
    var cores = Environment.ProcessorCount;
    double PerImage(double imagesPerSecond) => cores * 1000 / imagesPerSecond;
    var mapPerImage = cores * (double)api.Stages.PlanAndMapMs / images;
    var reducePerImage = (double)api.Stages.ReduceMs / images;
    Console.WriteLine("Where the time goes (ms of one core per image; the reduce runs on one thread, so it counts as wall ms per image):");
    Console.WriteLine($"  decode only (a)                     {PerImage(decode.ImagesPerSecond),8:F2}");
    Console.WriteLine($"  operator, no engine (c)             {PerImage(operatorOnly.ImagesPerSecond),8:F2}  (+{PerImage(operatorOnly.ImagesPerSecond) - PerImage(decode.ImagesPerSecond):F2} analysis kernels)");
    Console.WriteLine($"  engine plan + map stage             {mapPerImage,8:F2}  (+{mapPerImage - PerImage(operatorOnly.ImagesPerSecond):F2} shards, jobs, result files)");
    Console.WriteLine($"  engine reduce + store (wall)        {reducePerImage,8:F2}  ({100.0 * api.Stages.ReduceMs / api.Wall.TotalMilliseconds:F0} % of the wall time)");
    Console.WriteLine($"  end to end (b)                      {PerImage(api.ImagesPerSecond),8:F2}");
}

return 0;

void ReportRss()
{
    Console.WriteLine();
    Console.WriteLine("Peak RSS of `refinery serve` (VmHWM of /proc/<pid>/status, one fresh process and data directory per N):");
    foreach (var (count, run) in rss)
    {
        Console.WriteLine($"  N = {count,6}: VmHWM {run.PeakRssKib / 1024.0,7:F1} MiB, VmRSS after {run.RssAfterKib / 1024.0,7:F1} MiB; {run.ImagesPerSecond:F1} images/s, wall {run.Wall.TotalSeconds:F1} s, "
            + $"plan + map {run.Stages.PlanAndMapMs / 1000.0:F1} s, reduce + store {run.Stages.ReduceMs / 1000.0:F1} s");
    }

    foreach (var (count, run) in rss)
    {
        var path = Path.Combine(cache.Root, $"rss-trace-n{count}{environmentTag}.csv");
        File.WriteAllLines(path, run.Trace
            .Select(sample => string.Create(CultureInfo.InvariantCulture, $"{sample.Seconds:F1},{sample.Processed},{sample.Total},{sample.Status},{sample.Stage},{sample.RssKib}"))
            .Prepend("seconds,processed,total,status,stage,vmrss_kib"));
        Console.WriteLine($"  N = {count}: VmRSS by processed samples (max of the 1 s readings in each tenth of the map; trace in {path}):");
        var map = run.Trace.Where(sample => sample.Stage == "map").ToList();
        var line = new System.Text.StringBuilder("    ");
        for (var tenth = 0; tenth < 10; tenth++)
        {
            var inTenth = map.Where(sample => sample.Processed * 10 / count == tenth).ToList();
            line.Append(CultureInfo.InvariantCulture, $"{(tenth + 1) * 10,3} %: {(inTenth.Count == 0 ? "   -  " : (inTenth.Max(sample => sample.RssKib) / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " MiB")}  ");
        }

        Console.WriteLine(line);
        foreach (var stage in new[] { "plan", "map", "reduce", "ended" })
        {
            var inStage = run.Trace.Where(sample => sample.Stage == stage).ToList();
            if (inStage.Count > 0)
            {
                Console.WriteLine($"    {stage,-6} {inStage.Count,4} readings, VmRSS min {inStage.Min(sample => sample.RssKib) / 1024.0,6:F1} / max {inStage.Max(sample => sample.RssKib) / 1024.0,6:F1} MiB");
            }
        }
    }
}

async Task<ApiAnalysisResult> AnalyseThroughApiAsync(int count)
{
    var dataDirectory = Directory.CreateTempSubdirectory("refinery-bench-analysis-data-").FullName;
    try
    {
        ApiAnalysisResult result;
        await using (var server = await ServeChild.StartAsync(dataDirectory, Bucket, cache.Root, serveEnvironment, token))
        {
            result = await ApiAnalysisRun.RunAsync(
                server, $"obs://{Bucket}/{ImageCache.DatasetFolder(count)}", count, TimeSpan.FromSeconds(120 + (count * 0.2)), token);
        }

        Console.WriteLine($"    [N {count}: {result.ImagesPerSecond:F1} images/s, wall {result.Wall.TotalSeconds:F1} s, VmHWM {result.PeakRssKib / 1024.0:F1} MiB]");
        return result;
    }
    finally
    {
        Directory.Delete(dataDirectory, recursive: true);
    }
}

int IntOption(string name, int fallback, int min, int max)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? Math.Clamp(int.Parse(args[index + 1], CultureInfo.InvariantCulture), min, max) : fallback;
}

int[] ListOption(string name, int[] fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length
        ? [.. args[index + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(value => Math.Clamp(int.Parse(value, CultureInfo.InvariantCulture), 10, 200_000))]
        : fallback;
}

string StringOption(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
