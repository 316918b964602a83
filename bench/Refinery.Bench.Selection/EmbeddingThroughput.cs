using System.Diagnostics;
using System.Globalization;
using OpenCvSharp;
using Refinery.Imaging;
using Refinery.Imaging.Embeddings;
using Refinery.TestSupport;

namespace Refinery.Bench.Selection;

/// <summary>
/// Embedding throughput: <see cref="ImageEmbedder"/> over seeded photo-like JPEGs of 1–2 MP (quality 90), for several
/// ways of spending the cores (model calls in parallel, threads inside a call, batch size), each the median of a few
/// runs; once from decoded pixels (decode excluded) and once from the JPEG bytes through <see cref="ImageDecoder"/>
/// (decode included, decoding in parallel on as many cores as the configuration uses).
/// </summary>
public static class EmbeddingThroughput
{
    private const int JpegQuality = 90;

    private static readonly (string Name, int Cores, ImageEmbedderOptions Options)[] _configurations =
    [
        ("1 core: batch 1, 1 call at a time, 1 thread", 1, new(BatchSize: 1, ParallelBatches: 1, IntraOpThreads: 1)),
        ("1 core: batch 4, 1 call at a time, 1 thread", 1, new(BatchSize: 4, ParallelBatches: 1, IntraOpThreads: 1)),
        ("2 cores: batch 1, 2 calls at a time, 1 thread each", 2, new(BatchSize: 1, ParallelBatches: 2, IntraOpThreads: 1)),
        ("2 cores: batch 4, 2 calls at a time, 1 thread each (default)", 2, new(BatchSize: 4, ParallelBatches: 2, IntraOpThreads: 1)),
        ("2 cores: batch 4, 1 call at a time, 2 threads", 2, new(BatchSize: 4, ParallelBatches: 1, IntraOpThreads: 2)),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var count = IntOption(args, "--images", 48);
        var runs = IntOption(args, "--runs", 3);
        Console.WriteLine($"Machine: nproc {Environment.ProcessorCount}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, "
            + $"load average {LoadAverage()} (cores shared with other work: absolute figures move between runs)");

        var jpegs = Enumerable.Range(0, count).AsParallel().AsOrdered().Select(PhotoLikeJpeg).ToList();
        var decoder = new ImageDecoder(ImageDecodeLimits.Default, new DecodeMemoryBudget(4L << 30));
        var pixels = await DecodeAllAsync(decoder, jpegs, Environment.ProcessorCount);
        Console.WriteLine($"Images: {count} JPEGs, {pixels.Min(image => image.Width * image.Height) / 1e6:F2}–{pixels.Max(image => image.Width * image.Height) / 1e6:F2} MP, "
            + $"{jpegs.Sum(jpeg => jpeg.Length) / count / 1024} KiB each on average; {runs} runs per figure, median shown");
        Console.WriteLine($"{"configuration",-62} {"decode excluded",16} {"decode included",16}   (images/s)");

        foreach (var (name, cores, options) in _configurations)
        {
            using var embedder = ImageEmbedder.Load(options);
            await embedder.EmbedAsync(pixels.Take(options.BatchSize * options.ParallelBatches).Select(image => image.EightBitPixels).ToList(), CancellationToken.None);
            var excluded = new List<double>();
            var included = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var clock = Stopwatch.StartNew();
                await embedder.EmbedAsync(pixels, CancellationToken.None);
                excluded.Add(count / clock.Elapsed.TotalSeconds);

                clock.Restart();
                var decoded = await DecodeAllAsync(decoder, jpegs, cores);
                await embedder.EmbedAsync(decoded, CancellationToken.None);
                included.Add(count / clock.Elapsed.TotalSeconds);
                decoded.ForEach(image => image.Dispose());
            }

            Console.WriteLine($"{name,-62} {Median(excluded),16:F1} {Median(included),16:F1}   (runs: {string.Join(" / ", excluded.Select(Format))} | {string.Join(" / ", included.Select(Format))}; load {LoadAverage()})");
        }

        pixels.ForEach(image => image.Dispose());
        return 0;
    }

    /// <summary>A seeded photo-like JPEG of 1–2 megapixels in one of the usual aspect ratios.</summary>
    private static byte[] PhotoLikeJpeg(int seed)
    {
        var random = new Random(seed);
        double[] aspects = [4.0 / 3, 3.0 / 2, 16.0 / 9, 1, 3.0 / 4];
        var aspect = aspects[random.Next(aspects.Length)];
        var megapixels = 1_000_000 + random.Next(1_000_001);
        var width = (int)Math.Round(Math.Sqrt(megapixels * aspect));
        using var image = PhotoLikeImages.Create(seed, width, megapixels / width);
        return ImageEncoder.Encode(image, ImageFormat.Jpeg, JpegQuality);
    }

    private static async Task<List<DecodedImage>> DecodeAllAsync(ImageDecoder decoder, List<byte[]> jpegs, int cores)
    {
        var decoded = new DecodedImage[jpegs.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, jpegs.Count), new ParallelOptions { MaxDegreeOfParallelism = cores }, async (index, token) =>
        {
            var (image, failure) = await decoder.DecodeAsync(jpegs[index], ImreadModes.Color, token);
            decoded[index] = image ?? throw new InvalidOperationException($"generated JPEG {index} did not decode: {failure}");
        });
        return [.. decoded];
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Format(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? Math.Max(1, int.Parse(args[index + 1], CultureInfo.InvariantCulture)) : fallback;
    }
}
