using Refinery.Imaging.Embeddings;

namespace Refinery.Imaging.Tests.Embeddings;

/// <summary>One loaded model for every embedding test: loading takes a second and the embedder is thread-safe.</summary>
public sealed class EmbedderFixture : IDisposable
{
    public ImageEmbedder Embedder { get; } = ImageEmbedder.Load(new ImageEmbedderOptions(BatchSize: 3, ParallelBatches: 2));

    public void Dispose() => Embedder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class EmbedderCollection : ICollectionFixture<EmbedderFixture>
{
    public const string Name = "ResNet-18 embedder";
}
