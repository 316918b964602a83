using System.Text.Json.Nodes;
using Refinery.Imaging;
using Refinery.Imaging.Embeddings;
using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Selection;

/// <summary>
/// Records the image's ResNet-18 embedding, in float16 (1 KB a sample, cosine within about 0.001 of float32's, far
/// finer than any threshold a user sets). The model loads on the first image a server embeds.
/// </summary>
public sealed class EmbeddingMeasure(SharedImageEmbedder embedder) : IImageMeasure
{
    public const EmbeddingPrecision Precision = EmbeddingPrecision.Float16;

    public async ValueTask<(SampleRecord Record, string Description, JsonObject? Values)> MeasureAsync(DecodedImage image, CancellationToken cancellationToken)
    {
        var vectors = await embedder.Instance.EmbedAsync([image], cancellationToken);
        var record = new SampleRecord().Set(SelectionRecordKeys.Embedding, EmbeddingCodec.Encode(vectors[0], Precision));
        return (record, "embedded", null);
    }
}
