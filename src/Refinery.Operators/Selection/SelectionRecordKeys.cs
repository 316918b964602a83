using Refinery.Imaging.Embeddings;
using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Selection;

/// <summary>The typed values the similarity sample stages record for their dataset stages.</summary>
public static class SelectionRecordKeys
{
    /// <summary>The image's embedding in <see cref="EmbeddingCodec"/>'s binary form.</summary>
    public static RecordKey<byte[]> Embedding { get; } = new("embedding");
}
