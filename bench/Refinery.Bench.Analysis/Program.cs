// Analysis throughput and memory for three kinds of folder (small PNG/JPEG mix, 1–2 MP JPEGs, 14 MP JPEGs), each in
// one run: (a) OpenCV full-size decode of the folder's files, Parallel over files; (b) the same folder analysed end to
// end through the API (create a sys_data_analyse task → version completed) by a fresh `refinery serve` child process;
// the ratio b/a; and that server's peak RSS (VmHWM). Then (c) the analysis operator alone over the same files and one
// thread's time per step, to show where the time goes. Loopback only; every wait is bounded.
// Usage: dotnet run -c Release --project bench/Refinery.Bench.Analysis -- [--sizes small,medium,large]
//        [--small 2000] [--medium 600] [--large 24] [--decode-memory 128] [--skip-operator] [--serve-env NAME=VALUE,...]
//        [--cache-dir /tmp/refinery-bench-analysis] [--steps-only] [--opencv-threads N]
// --small/--medium/--large set the images per folder (20000 for the long runs); --decode-memory is the server's decode
// budget in MiB (0: the server's default); --serve-env sets environment variables of the server child (GC settings, as
// experiments); --steps-only prints only one thread's time per step; --opencv-threads sets OpenCV's thread count in
// the bench process (the server's: --serve-env OPENCV_FOR_THREADS_NUM=N). Every server run samples its VmRSS and the version's progress once a second; the trace is written as
// CSV beside the image cache and summarised by processed samples and by stage.
using System.Globalization;
using Refinery.Bench.Analysis;

const string Bucket = "imgs";

var sizes = StringOption("--sizes", "small,medium,large")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Select(name => ImageSizeClass.All.SingleOrDefault(size => size.Name == name) ?? throw new ArgumentException($"--sizes: unknown size '{name}' (small, medium, large)"))
    .ToList();
var decodeMemory = IntOption("--decode-memory", 128, 0, 1_048_576);
var skipOperator = args.Contains("--skip-operator");
var stepsOnly = args.Contains("--steps-only");
var openCvThreads = IntOption("--opencv-threads", 0, 0, 64);
if (openCvThreads > 0)
{
    OpenCvSharp.Cv2.SetNumThreads(openCvThreads); // this process's (a) and (c) only; the server child takes OPENCV_FOR_THREADS_NUM
}

var cacheRoot = StringOption("--cache-dir", Path.Combine(Path.GetTempPath(), "refinery-bench-analysis"));
var serveEnvironment = StringOption("--serve-env", "")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Select(pair => pair.Split('=', 2))
    .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");
var environmentTag = string.Concat(serveEnvironment.Select(pair => $"-{pair.Key.Replace("DOTNET_", "", StringComparison.Ordinal)}{pair.Value}"));

using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(180)); // bounds the whole run
var token = cancel.Token;
Console.WriteLine($"Machine: {MachineInfo.Describe()}; load average {MachineInfo.LoadAverage()} (2 cores shared with other agents' work: absolute figures move between runs)");
Console.WriteLine($"Server: refinery serve, decode budget {(decodeMemory == 0 ? "its default" : $"{decodeMemory} MiB")}"
    + (serveEnvironment.Count > 0 ? $", environment (experiment): {string.Join(' ', serveEnvironment.Select(pair => $"{pair.Key}={pair.Value}"))}" : ""));

var summary = new List<string>();
foreach (var size in sizes)
{
    var images = IntOption($"--{size.Name}", size.DefaultImages, 10, 200_000);
    var cache = new ImageCache(cacheRoot, size);
    var files = cache.Dataset(images);
    Console.WriteLine();
    Console.WriteLine($"== {size.Name}: {images} images in {Path.Combine(cache.Root, cache.DatasetFolder(images))}, hard links to {cache.DescribeDistinct()}");
    foreach (var file in cache.DistinctFiles())
    {
        File.ReadAllBytes(file); // page cache: neither side reads the disk
    }

    if (stepsOnly)
    {
        await PrintStepsAsync(cache, size, files);
        continue;
    }

    // (a) the decode ceiling
    var decode = DecodeThroughput.Measure(files, token);
    Console.WriteLine($"(a) OpenCV decode, full size, Parallel over files ({Environment.ProcessorCount} cores): {decode.ImagesPerSecond:F1} images/s ({images} in {decode.Wall.TotalSeconds:F1} s; load {MachineInfo.LoadAverage()})");

    // (b) end to end through the API, on a fresh server whose peak RSS is this folder's
    var api = await AnalyseThroughApiAsync(cache, images);
    var ratio = api.ImagesPerSecond / decode.ImagesPerSecond;
    Console.WriteLine($"(b) analysis through the API, create → completed: {api.ImagesPerSecond:F1} images/s ({images} in {api.Wall.TotalSeconds:F1} s; load {MachineInfo.LoadAverage()})");
    Console.WriteLine($"    b/a = {ratio:F2}; server VmHWM {api.PeakRssKib / 1024.0:F1} MiB, VmRSS after {api.RssAfterKib / 1024.0:F1} MiB");
    Console.WriteLine($"    stages (catalog timestamps): queued {api.Stages.QueuedMs} ms, plan + first shard {api.Stages.FirstShardMs} ms, plan + map {api.Stages.PlanAndMapMs} ms ({api.ShardCount} shards), reduce + store {api.Stages.ReduceMs} ms");
    Console.WriteLine($"    result: sample_count {api.Result["sample_count"]}, analysed {api.Result["analysed_count"]}, exact_duplicates {api.Result["quality"]!["exact_duplicates"]}, near_duplicates {api.Result["quality"]!["near_duplicates"]}");
    ReportRss(cache, images, api);

    if (!skipOperator)
    {
        // (c) the operator without the engine, and its steps
        var breakdown = new OperatorBreakdown(Bucket, cache.Root);
        var keys = files.Select(file => Path.GetRelativePath(cache.Root, file)).ToList();
        var operatorOnly = await breakdown.OperatorThroughputAsync(keys, token);
        Console.WriteLine($"(c) AnalysisSampleOperator alone, Parallel over files ({Environment.ProcessorCount} cores): {operatorOnly.ImagesPerSecond:F1} images/s ({images} in {operatorOnly.Wall.TotalSeconds:F1} s; load {MachineInfo.LoadAverage()})");
        Console.WriteLine($"    c/a = {operatorOnly.ImagesPerSecond / decode.ImagesPerSecond:F2} (the operator's own cost beyond decoding); b/c = {api.ImagesPerSecond / operatorOnly.ImagesPerSecond:F2} (what the engine and API keep)");
        await PrintStepsAsync(cache, size, files);
    }

    summary.Add(string.Create(CultureInfo.InvariantCulture,
        $"  {size.Name,-7} {images,7} {decode.ImagesPerSecond,12:F1} {api.ImagesPerSecond,14:F1} {ratio,7:F2} {api.PeakRssKib / 1024.0,12:F1}"));
}

Console.WriteLine();
Console.WriteLine($"Summary (load average now {MachineInfo.LoadAverage()}; aims: b/a ≥ 0.6 for medium, ≥ 0.5 for small; VmHWM < 350 MiB):");
Console.WriteLine("  size     images  decode img/s  end-to-end img/s  ratio  VmHWM MiB");
summary.ForEach(Console.WriteLine);
return 0;

async Task PrintStepsAsync(ImageCache cache, ImageSizeClass size, IReadOnlyList<string> files)
{
    var breakdown = new OperatorBreakdown(Bucket, cache.Root);
    var sampled = files.Take(Math.Min(files.Count, Math.Min(size.DistinctCount, 41)))
        .Select(file => Path.GetRelativePath(cache.Root, file)).ToList();
    Console.WriteLine($"    one thread, mean ms per image over {sampled.Count - 1} distinct images (after one warm-up; load {MachineInfo.LoadAverage()}):");
    foreach (var (step, milliseconds) in await breakdown.StepsAsync(sampled, token))
    {
        Console.WriteLine($"      {step,-70} {milliseconds,8:F2}");
    }
}

void ReportRss(ImageCache cache, int count, ApiAnalysisResult run)
{
    var path = Path.Combine(cache.Root, $"rss-trace-{cache.DatasetFolder(count)}{environmentTag}.csv");
    File.WriteAllLines(path, run.Trace
        .Select(sample => string.Create(CultureInfo.InvariantCulture, $"{sample.Seconds:F1},{sample.Processed},{sample.Total},{sample.Status},{sample.Stage},{sample.RssKib}"))
        .Prepend("seconds,processed,total,status,stage,vmrss_kib"));
    Console.WriteLine($"    VmRSS by processed samples (max of the 1 s readings in each tenth of the map; trace in {path}):");
    var map = run.Trace.Where(sample => sample.Stage == "map").ToList();
    var line = new System.Text.StringBuilder("      ");
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
            Console.WriteLine($"      {stage,-6} {inStage.Count,4} readings, VmRSS min {inStage.Min(sample => sample.RssKib) / 1024.0,6:F1} / max {inStage.Max(sample => sample.RssKib) / 1024.0,6:F1} MiB");
        }
    }
}

async Task<ApiAnalysisResult> AnalyseThroughApiAsync(ImageCache cache, int count)
{
    var dataDirectory = Directory.CreateTempSubdirectory("refinery-bench-analysis-data-").FullName;
    try
    {
        await using var server = await ServeChild.StartAsync(
            dataDirectory, Bucket, cache.Root, decodeMemory == 0 ? null : decodeMemory, serveEnvironment, token);
        return await ApiAnalysisRun.RunAsync(
            server, $"obs://{Bucket}/{cache.DatasetFolder(count)}", count, TimeSpan.FromSeconds(120 + (count * 0.5)), token);
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

string StringOption(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
