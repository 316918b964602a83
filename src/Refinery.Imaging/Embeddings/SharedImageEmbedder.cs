namespace Refinery.Imaging.Embeddings;

/// <summary>
/// The process's one <see cref="ImageEmbedder"/>, loaded on first use: a server that never runs a similarity operator
/// never pays the model's load time or its memory. Thread-safe; disposes the model if it was loaded.
/// </summary>
public sealed class SharedImageEmbedder(ImageEmbedderOptions? options = null) : IDisposable
{
    private readonly Lazy<ImageEmbedder> _embedder = new(() => ImageEmbedder.Load(options), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The embedder, loading the model the first time (about a second).</summary>
    public ImageEmbedder Instance => _embedder.Value;

    public void Dispose()
    {
        if (_embedder.IsValueCreated)
        {
            _embedder.Value.Dispose();
        }
    }
}
