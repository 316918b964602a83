using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenCvSharp;
using Refinery.Domain;
using Refinery.Engine.Staging;
using Refinery.Imaging;
using Refinery.Imaging.Analysis;
using Refinery.Operators;
using Refinery.Operators.Analysis;
using Refinery.Storage;

namespace Refinery.Bench.Analysis;

/// <summary>
/// Where analysis time goes, without the engine: the real <see cref="AnalysisSampleOperator"/> over the same files,
/// Parallel over files on every core (what the map stage does minus shards, jobs and files), and one thread's time per
/// step of the operator on a sample of images (which kernels cost what, next to the decode).
/// </summary>
public sealed class OperatorBreakdown(string bucket, string bucketDirectory)
{
    // As the server composes it: one decoder, with the default limits and decode budget, for every decode.
    private static readonly ImageDecoder _decoder = new(ImageDecodeLimits.Default, new DecodeMemoryBudget(DecodeMemoryBudget.DefaultCapacity()));

    private readonly AnalysisSampleOperator _operator = new(
        AnalysisParams.Parse(new OperatorParameters(new JsonObject { ["task_type"] = TaskTypes.ImageClassification }), _decoder.Limits.MaxPixels),
        new VocAnnotationBoxReader(),
        _decoder);

    private readonly LocalDirectoryStore _store = new(bucket, bucketDirectory);

    /// <summary>Figure (c): images/s of the operator alone, Parallel over files as the map stage runs it.</summary>
    public async Task<(double ImagesPerSecond, TimeSpan Wall)> OperatorThroughputAsync(IReadOnlyList<string> objectKeys, CancellationToken cancellationToken)
    {
        await RunAllAsync(objectKeys.Take(Math.Min(objectKeys.Count, 32)).ToList(), cancellationToken); // warm-up
        var clock = Stopwatch.StartNew();
        await RunAllAsync(objectKeys, cancellationToken);
        clock.Stop();
        return (objectKeys.Count / clock.Elapsed.TotalSeconds, clock.Elapsed);
    }

    /// <summary>Mean ms per image of each step on one thread, over <paramref name="objectKeys"/>.</summary>
    public async Task<IReadOnlyList<(string Step, double Milliseconds)>> StepsAsync(IReadOnlyList<string> objectKeys, CancellationToken cancellationToken)
    {
        var steps = new List<(string Name, Func<Context, object?> Run)>
        {
            ("read file bytes", context => context.Bytes = File.ReadAllBytes(Path.Combine(_store.RootDirectory, context.Key))),
            ("decode, Unchanged (ImageDecoder, checks included)", context =>
            {
                var (image, _) = _decoder.DecodeAsync(context.Bytes, ImreadModes.Unchanged, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                context.Image?.Dispose();
                return context.Image = image!;
            }),
            ("one pass: brightness, exact 5/99 % percentiles, entropy", context => PixelStatisticsPass.Measure(context.Image.EightBitPixels)),
            ("working image (512 px, INTER_AREA)", context => { using var working = ImageFeatureKernels.WorkingImage(context.Image.EightBitPixels); return working.Rows; }),
            ("working image and its features (saturation, clarity, colourfulness)", context => WorkingImageFeatures(context.Image)),
            ("exact hash (XxHash3 of the pixels)", context => ImageHashes.Exact(context.Image.Pixels)),
            ("blurry score (Pillow BICUBIC to 64 px, edges)", context => QualityKernels.BlurryScore(context.Image.EightBitPixels)),
            ("pHash (Pillow L, LANCZOS to 32 px, DCT)", context => ImageHashes.Perceptual(context.Image.EightBitPixels)),
            ("ImageAnalyzer.Analyze (every kernel)", context => ImageAnalyzer.Analyze(context.Image, AnalysisFeatures.All, null)),
            ("store read + decode (ObjectImageReader)", context => ReadThroughStore(context.Key)),
            ("AnalysisSampleOperator.ProcessAsync (read → values)", context =>
            {
                var outcome = _operator.ProcessAsync(Work(context.Key), Environment(), CancellationToken.None).AsTask().GetAwaiter().GetResult();
                return context.Result = new ShardResult(0, SampleIds.ForSource(Source(context.Key)), Source(context.Key), outcome.Property, outcome.Description, outcome.Output, new Sample(Source(context.Key)), outcome.Values);
            }),
            ("engine: serialise the sample's ShardResult line", context => context.Line = JsonSerializer.Serialize(context.Result, EngineJsonContext.Default.ShardResult)),
            ("engine: parse the line back (the reduce does it 3×)", context => JsonSerializer.Deserialize(context.Line, EngineJsonContext.Default.ShardResult)),
        };

        var totals = new double[steps.Count];
        var context = new Context();
        try
        {
            foreach (var (key, round) in objectKeys.Select((key, index) => (key, index)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                context.Key = key;
                for (var step = 0; step < steps.Count; step++)
                {
                    var start = Stopwatch.GetTimestamp();
                    steps[step].Run(context);
                    if (round > 0)
                    {
                        totals[step] += Stopwatch.GetElapsedTime(start).TotalMilliseconds; // the first image warms up
                    }
                }
            }
        }
        finally
        {
            context.Image?.Dispose();
        }

        await Task.CompletedTask;
        return [.. steps.Select((step, index) => (step.Name, totals[index] / Math.Max(1, objectKeys.Count - 1)))];
    }

    private int ReadThroughStore(string key)
    {
        var (image, failure) = ObjectImageReader.ReadAsync(_store, new ObjectPath(_store.Bucket, key), _decoder, CancellationToken.None).GetAwaiter().GetResult();
        using (image ?? throw new InvalidDataException($"{key}: {failure}"))
        {
            return image.Width;
        }
    }

    // What Analyze computes on the working image, with the working image itself (the step above alone).
    private static double WorkingImageFeatures(DecodedImage image)
    {
        using var working = ImageFeatureKernels.WorkingImage(image.EightBitPixels);
        return Refinery.Imaging.Analysis.WorkingImageFeatures.Measure(working).Clarity;
    }

    private async Task RunAllAsync(IReadOnlyList<string> objectKeys, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = System.Environment.ProcessorCount, CancellationToken = cancellationToken };
        var environment = Environment();
        await Parallel.ForEachAsync(objectKeys, parallel, async (key, token) =>
        {
            var outcome = await _operator.ProcessAsync(Work(key), environment, token);
            if (outcome.Property != ResultProperty.Reserved)
            {
                throw new InvalidDataException($"{key} was not analysed: {string.Join("; ", outcome.Description)}");
            }
        });
    }

    private SampleEnvironment Environment() => new(_store, new NoOutput());

    private SampleWork Work(string key) => new(new Sample(Source(key)), key, TaskTypes.ImageClassification);

    private string Source(string key) => $"obs://{_store.Bucket}/{key}";

    private sealed class Context
    {
        public string Key { get; set; } = "";

        public byte[] Bytes { get; set; } = [];

        public DecodedImage Image { get; set; } = null!;

        public ShardResult Result { get; set; } = null!;

        public string Line { get; set; } = "";
    }

    /// <summary>Analysis writes no output files.</summary>
    private sealed class NoOutput : IOutputWriter
    {
        public Task WriteAsync(string relativePath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task CopyAsync(string relativePath, ObjectPath source, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
