using System.Buffers;
using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace Refinery.Imaging.Embeddings;

/// <summary>
/// Image embeddings: ResNet-18 (the model of <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c>) on ONNX Runtime, one
/// L2-normalised 512-d vector per image, the global average pool of the last convolution block. The same pixels always
/// give the same vector. Thread-safe: one instance serves every caller, and one call runs its batches in parallel.
/// </summary>
public sealed class ImageEmbedder : IDisposable
{
    /// <summary>The length of every embedding.</summary>
    public const int Dimensions = ResNet18ModelFiles.FeatureLength;

    private const string BatchDimension = "batch";

    private static readonly string[] _inputNames = [ResNet18ModelFiles.ModelInput];
    private static readonly string[] _outputNames = [ResNet18ModelFiles.ModelOutput];

    private readonly SessionOptions _sessionOptions;
    private readonly InferenceSession _session;
    private readonly ResNet18Preprocessor _preprocessor;

    private ImageEmbedder(ImageEmbedderOptions options, SessionOptions sessionOptions, InferenceSession session, ResNet18Preprocessor preprocessor)
    {
        Options = options;
        _sessionOptions = sessionOptions;
        _session = session;
        _preprocessor = preprocessor;
    }

    public ImageEmbedderOptions Options { get; }

    /// <summary>Loads the model (about 64 MB, a second or so): do it once per process.</summary>
    /// <exception cref="FileNotFoundException">The model files are not where the build puts them.</exception>
    public static ImageEmbedder Load(ImageEmbedderOptions? options = null)
    {
        options ??= ImageEmbedderOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ParallelBatches, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.IntraOpThreads, 1, nameof(options));
        var directory = options.ModelDirectory ?? ResNet18ModelFiles.DefaultDirectory;
        var modelPath = ResNet18ModelFiles.Locate(directory, ResNet18ModelFiles.ModelRelativePath);
        var preprocessPath = ResNet18ModelFiles.Locate(directory, ResNet18ModelFiles.PreprocessRelativePath);

        var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            var preprocessor = new ResNet18Preprocessor(NegatedMeanImage(preprocessPath, sessionOptions));
            var model = OnnxBatchDimension.MakeSymbolic(File.ReadAllBytes(modelPath), BatchDimension);
            return new ImageEmbedder(options, sessionOptions, new InferenceSession(model, sessionOptions), preprocessor);
        }
        catch
        {
            sessionOptions.Dispose();
            throw;
        }
    }

    /// <summary>One unit-length vector of <see cref="Dimensions"/> floats per image, in the order of <paramref name="images"/>.</summary>
    /// <param name="images">8-bit BGR, BGRA or grey pixels, as OpenCV decodes them; any size.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    public async Task<float[][]> EmbedAsync(IReadOnlyList<Mat> images, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        var vectors = new float[images.Count][];
        var batches = Enumerable.Range(0, (images.Count + Options.BatchSize - 1) / Options.BatchSize);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.ParallelBatches, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batches, parallel, (batch, _) =>
        {
            var start = batch * Options.BatchSize;
            EmbedBatch(images, start, Math.Min(Options.BatchSize, images.Count - start), vectors);
            return ValueTask.CompletedTask;
        });
        return vectors;
    }

    /// <summary>One unit-length vector per decoded image, from its 8-bit view (<see cref="DecodedImage.EightBitPixels"/>).</summary>
    public Task<float[][]> EmbedAsync(IReadOnlyList<DecodedImage> images, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        return EmbedAsync([.. images.Select(image => image.EightBitPixels)], cancellationToken);
    }

    public void Dispose()
    {
        _session.Dispose();
        _sessionOptions.Dispose();
        _preprocessor.Dispose();
    }

    private void EmbedBatch(IReadOnlyList<Mat> images, int start, int count, float[][] vectors)
    {
        var length = count * ResNet18Preprocessor.ValuesPerImage;
        var input = ArrayPool<float>.Shared.Rent(length);
        try
        {
            for (var index = 0; index < count; index++)
            {
                _preprocessor.Write(images[start + index], input, index * ResNet18Preprocessor.ValuesPerImage);
            }

            long[] shape = [count, 3, ResNet18ModelFiles.InputSide, ResNet18ModelFiles.InputSide];
            using var tensor = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input.AsMemory(0, length), shape);
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, _inputNames, [tensor], _outputNames);
            var features = outputs[0].GetTensorDataAsSpan<float>();
            for (var index = 0; index < count; index++)
            {
                var vector = features.Slice(index * Dimensions, Dimensions).ToArray();
                TensorPrimitives.Divide(vector, TensorPrimitives.Norm<float>(vector), vector);
                vectors[start + index] = vector;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
        }
    }

    /// <summary>
    /// The package's mean image, read by running its preprocessing graph (RGB → BGR, minus the mean) on a black image:
    /// that gives minus the mean, in the plane order the model reads, without parsing the graph's constants.
    /// </summary>
    private static float[] NegatedMeanImage(string preprocessPath, SessionOptions sessionOptions)
    {
        using var session = new InferenceSession(preprocessPath, sessionOptions);
        var black = new float[ResNet18Preprocessor.ValuesPerImage];
        using var input = OrtValue.CreateTensorValueFromMemory(black, [1, 3, ResNet18ModelFiles.InputSide, ResNet18ModelFiles.InputSide]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [ResNet18ModelFiles.PreprocessInput], [input], [ResNet18ModelFiles.PreprocessOutput]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
