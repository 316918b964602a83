namespace Refinery.Imaging.Embeddings;

/// <summary>How an <see cref="ImageEmbedder"/> runs the model.</summary>
/// <param name="BatchSize">Images per model call. On CPU a larger batch barely changes the throughput (bench/README.md);
/// it matters on accelerators.</param>
/// <param name="ParallelBatches">Model calls run at once by one <see cref="ImageEmbedder.EmbedAsync(IReadOnlyList{OpenCvSharp.Mat}, CancellationToken)"/>.</param>
/// <param name="IntraOpThreads">Threads ONNX Runtime uses inside one model call. One thread per call with calls in parallel
/// measured faster on 2 cores than one call on two threads.</param>
/// <param name="ModelDirectory">The folder holding <c>ResNet18Onnx/</c> and <c>ResNetPrepOnnx/</c>; by default the
/// <c>DnnImageModels</c> folder the build copies beside the application.</param>
public sealed record ImageEmbedderOptions(
    int BatchSize = 4,
    int ParallelBatches = 2,
    int IntraOpThreads = 1,
    string? ModelDirectory = null)
{
    /// <summary>The default: batches of 4, one per core on a 2-core machine, one thread each.</summary>
    public static ImageEmbedderOptions Default { get; } = new(ParallelBatches: Math.Max(1, Environment.ProcessorCount));
}
