using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using OpenCvSharp;
using Refinery.Imaging;
using Refinery.Operators;
using Refinery.Operators.Augmentation;
using Refinery.TestSupport;

namespace Refinery.Bench.Augmentation;

/// <summary>
/// For each operator configuration: the operator alone on decoded pixels, and the whole per-sample path
/// (decode → operator → JPEG 95 encode), both spread over every core; the reference is decode → encode alone.
/// The aim is operator alone ≥ ½ × decode + encode, i.e. augmenting costs less than reading and writing the image.
/// </summary>
public static class AugmentationThroughput
{
    private static readonly (string Name, string Json)[] _configurations =
    [
        .. AugmentationOperators.Names.Select(name => (name, "{}")),
        ("AddNoise", """{"noise_type": "Laplace"}"""), ("AddNoise", """{"noise_type": "Poisson"}"""),
        ("AddNoise", """{"noise_type": "Impulse"}"""), ("AddNoise", """{"noise_type": "SaltAndPepper"}"""),
        ("Blur", """{"blur_type": "Average"}"""), ("LightContrast", """{"func": "sigmoid"}"""),
        ("Weather", """{"weather_mode": "Fog"}"""), ("Weather", """{"weather_mode": "Snow"}"""), ("Weather", """{"weather_mode": "Clouds"}"""),
    ];

    public static int Run(string[] args)
    {
        var count = Option(args, "--images", 24);
        var runs = Option(args, "--runs", 3);
        var cores = Environment.ProcessorCount;
        var jpegs = Enumerable.Range(0, count).AsParallel().AsOrdered().Select(SyntheticJpeg).ToArray();
        var pixels = jpegs.Select(jpeg => Cv2.ImDecode(jpeg, ImreadModes.Color)).ToArray();
        Console.WriteLine($"Machine: nproc {cores}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, load {Load()}");
        Console.WriteLine($"Images: {count} JPEGs (quality {ImageEncoder.DefaultJpegQuality}), "
            + $"{pixels.Min(image => image.Total()) / 1e6:F2}–{pixels.Max(image => image.Total()) / 1e6:F2} MP; median of {runs} runs, {cores} threads");

        // The machine's load drifts during a run (other builds come and go), so decode + encode is measured again
        // beside every operator and each ratio is taken against the reference of its own moment.
        double Reference() => Median(runs, () => Throughput(count, index =>
        {
            using var decoded = Cv2.ImDecode(jpegs[index], ImreadModes.Color);
            _ = ImageEncoder.Encode(decoded, ImageFormat.Jpeg);
        }));
        Console.WriteLine($"| operator | params | decode + encode alone (img/s) | operator alone (img/s) | decode + operator + encode (img/s) | operator alone / decode+encode |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");

        foreach (var (name, json) in _configurations)
        {
            var augmentation = AugmentationOperators.Find(name).Parse(new OperatorParameters(JsonNode.Parse(json)!.AsObject()));
            void Augment(int index)
            {
                using var result = augmentation.Apply(pixels[index], [], AugmentationRandom.ForSample("bench", $"{index}", 0));
            }

            // Warm-up: the first images run the per-value loops before the JIT has optimised them.
            Throughput(Math.Min(count, 4), Augment);
            var reference = Reference();
            var alone = Median(runs, () => Throughput(count, Augment));
            var whole = Median(runs, () => Throughput(count, index =>
            {
                using var decoded = Cv2.ImDecode(jpegs[index], ImreadModes.Color);
                using var result = augmentation.Apply(decoded, [], AugmentationRandom.ForSample("bench", $"{index}", 0));
                _ = ImageEncoder.Encode(result.Image!, ImageFormat.Jpeg);
            }));
            Console.WriteLine($"| {name} | `{json}` | {reference:F1} | {alone:F1} | {whole:F1} | {alone / reference:F2} |");
        }

        Array.ForEach(pixels, image => image.Dispose());
        Console.WriteLine($"load at the end {Load()}");
        return 0;
    }

    /// <summary>Images per second of <paramref name="work"/> over every image, on every core.</summary>
    private static double Throughput(int count, Action<int> work)
    {
        var clock = Stopwatch.StartNew();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, work);
        return count / clock.Elapsed.TotalSeconds;
    }

    private static double Median(int runs, Func<double> measure) =>
        Enumerable.Range(0, runs).Select(_ => measure()).Order().ElementAt(runs / 2);

    /// <summary>1–2 megapixels (growing with the seed) at 4:3, photo-like so JPEG sizes are realistic.</summary>
    private static byte[] SyntheticJpeg(int seed)
    {
        var megapixels = 1_000_000 + (seed * 997_331 % 1_000_001);
        var width = (int)Math.Sqrt(megapixels * 4.0 / 3);
        using var image = PhotoLikeImages.Create(seed, width, megapixels / width);
        return ImageEncoder.Encode(image, ImageFormat.Jpeg);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
