using Refinery.Imaging.Embeddings;
using Refinery.Operators.Pipeline;
using Refinery.Operators.Similarity;

namespace Refinery.Operators.Cleaning;

/// <summary>
/// The embeddings of a folder of reference images (PCC's prototypes or criticisms), row i being the image
/// <see cref="Names"/>[i]; an image that cannot be read or decoded is left out and listed in <see cref="Unreadable"/>
/// with the reason, as a sample would be.
/// </summary>
public sealed record ReferenceEmbeddings(IReadOnlyList<string> Names, EmbeddingMatrix Matrix, IReadOnlyList<(string Name, string Reason)> Unreadable)
{
    /// <summary>Reads, decodes and embeds the folder's images one at a time, so only one decoded image is held at once.</summary>
    public static async Task<ReferenceEmbeddings> EmbedAsync(ReferenceFolder folder, OperatorContext context, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var vectors = new List<float[]>();
        var unreadable = new List<(string, string)>();
        await foreach (var path in folder.ListImagesAsync(context.Storage, cancellationToken))
        {
            var (image, failure) = await ObjectImageReader.ReadAsync(context.Storage, path, context.Decoder, cancellationToken);
            if (image is null)
            {
                unreadable.Add((path.ToUri(), failure!));
                continue;
            }

            using (image)
            {
                vectors.Add((await context.Embedder.Instance.EmbedAsync([image], cancellationToken))[0]);
                names.Add(path.ToUri());
            }
        }

        return new ReferenceEmbeddings(names, EmbeddingMatrix.FromRows(vectors, ImageEmbedder.Dimensions), unreadable);
    }
}
