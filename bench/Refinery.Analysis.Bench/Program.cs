// Single-thread latency of AnalysisSampleOperator on a generated 1.5 MP JPEG: median over many runs.
// Usage: dotnet run -c Release -- [runs] [--breakdown]
using System.Diagnostics;
using System.Text.Json.Nodes;
using OpenCvSharp;
using Refinery.Domain;
using Refinery.Imaging;
using Refinery.Imaging.Analysis;
using Refinery.Operators;
using Refinery.Operators.Analysis;

Cv2.SetNumThreads(1); // single-thread figures: the engine parallelises across samples, not inside one
var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 300;
var jpeg = MakePhotoLikeJpeg(1500, 1000);
var store = new SingleObjectStore(jpeg);
var parameters = AnalysisParams.Parse(new OperatorParameters(new JsonObject { ["task_type"] = TaskTypes.ImageClassification }));
var analyser = new AnalysisSampleOperator(parameters, new NoBoxes());
var work = new SampleWork(new Sample("obs://bench/photo.jpg", "TRAIN"), "photo.jpg", TaskTypes.ImageClassification);
var environment = new SampleEnvironment(store, null!);

var operatorTimes = await TimeAsync(runs, async () => await analyser.ProcessAsync(work, environment, CancellationToken.None));
var decodeTimes = await TimeAsync(runs, () =>
{
    ImageDecoder.Default.TryDecode(jpeg, ImreadModes.Unchanged, out var decoded, out _);
    using (decoded)
    {
        return ValueTask.FromResult(decoded!.Width);
    }
});

if (args.Contains("--breakdown"))
{
    ImageDecoder.Default.TryDecode(jpeg, ImreadModes.Unchanged, out var image, out _);
    using var decoded = image!;
    var steps = new (string Name, Func<double> Step)[]
    {
        ("brightness map", () => { using var m = ImageFeatureKernels.BrightnessMap(decoded.EightBitPixels); return 0; }),
        ("brightness map + percentiles", () => { using var m = ImageFeatureKernels.BrightnessMap(decoded.EightBitPixels); return QualityKernels.BrightnessPercentiles(m).Percentile5; }),
        ("entropy", () => QualityKernels.Entropy(decoded.EightBitPixels)),
        ("working image", () => { using var w = ImageFeatureKernels.WorkingImage(decoded.EightBitPixels); return 0; }),
        ("exact hash", () => ImageHashes.Exact(decoded.Pixels)),
        ("analyse all", () => ImageAnalyzer.Analyze(decoded, AnalysisFeatures.All, null).Brightness),
    };
    foreach (var (name, step) in steps)
    {
        var times = await TimeAsync(runs, () => ValueTask.FromResult(step()));
        Console.WriteLine($"{name,-32} median {Median(times):F2} ms");
    }
}

Console.WriteLine($"JPEG 1500x1000 ({jpeg.Length / 1024} KiB), {runs} runs, 1 thread, Environment.ProcessorCount={Environment.ProcessorCount}");
Console.WriteLine($"AnalysisSampleOperator.ProcessAsync: median {Median(operatorTimes):F2} ms, p10 {Percentile(operatorTimes, 0.1):F2}, p90 {Percentile(operatorTimes, 0.9):F2}");
Console.WriteLine($"of which full decode alone:          median {Median(decodeTimes):F2} ms");

static async Task<double[]> TimeAsync<T>(int runs, Func<ValueTask<T>> action)
{
    for (var i = 0; i < 20; i++)
    {
        await action(); // warm-up: JIT, OpenCV thread-local buffers
    }

    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    return times;
}

static double Median(double[] times) => Percentile(times, 0.5);

static double Percentile(double[] times, double q)
{
    var sorted = times.Order().ToArray();
    return sorted[(int)Math.Round((sorted.Length - 1) * q)];
}

static byte[] MakePhotoLikeJpeg(int width, int height)
{
    using var image = new Mat(height, width, MatType.CV_8UC3, new Scalar(90, 120, 150));
    var random = new Random(7);
    for (var i = 0; i < 60; i++)
    {
        var colour = new Scalar(random.Next(256), random.Next(256), random.Next(256));
        Cv2.Circle(image, new Point(random.Next(width), random.Next(height)), random.Next(10, 200), colour, -1);
    }

    using var noise = new Mat(height, width, MatType.CV_8UC3);
    Cv2.Randn(noise, Scalar.All(0), Scalar.All(12));
    Cv2.Add(image, noise, image);
    Cv2.GaussianBlur(image, image, new Size(0, 0), 1.2);
    Cv2.ImEncode(".jpg", image, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, 90));
    return bytes;
}
