using Refinery.Imaging.Embeddings;
using Refinery.Operators.Pipeline;
using Refinery.Operators.Similarity;
using Refinery.Storage;

namespace Refinery.Operators.Cleaning;

/// <summary>
/// The embeddings of a folder of reference images (PCC's prototypes or criticisms), row i being the image
/// <see cref="Names"/>[i], in listing order; an image that cannot be read or decoded is left out and listed in
/// <see cref="Unreadable"/> with the reason, as a sample would be.
/// </summary>
public sealed record ReferenceEmbeddings(IReadOnlyList<string> Names, EmbeddingMatrix Matrix, IReadOnlyList<(string Name, string Reason)> Unreadable)
{
    /// <summary>
    /// Reads, decodes and embeds the folder's images, as many at once as the embedder runs model calls (one per core),
    /// each worker holding one decoded image at a time as a sample stage does, so the decode budget is shared alike.
    /// </summary>
    public static async Task<ReferenceEmbeddings> EmbedAsync(ReferenceFolder folder, OperatorContext context, CancellationToken cancellationToken)
    {
        var embedder = context.Embedder.Instance;
        var paths = await folder.ListImagesAsync(context.Storage, cancellationToken).ToListAsync(cancellationToken);
        var outcomes = new (float[]? Vector, string? Failure)[paths.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = embedder.Options.ParallelBatches, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, paths.Count), parallel, async (index, token) =>
            outcomes[index] = await EmbedOneAsync(paths[index], embedder, context, token));

        var embedded = Enumerable.Range(0, paths.Count).Where(index => outcomes[index].Vector is not null).ToList();
        return new ReferenceEmbeddings(
            [.. embedded.Select(index => paths[index].ToUri())],
            EmbeddingMatrix.FromRows([.. embedded.Select(index => outcomes[index].Vector!)], ImageEmbedder.Dimensions),
            [.. Enumerable.Range(0, paths.Count).Where(index => outcomes[index].Vector is null).Select(index => (paths[index].ToUri(), outcomes[index].Failure!))]);
    }

    private static async Task<(float[]? Vector, string? Failure)> EmbedOneAsync(
        ObjectPath path, ImageEmbedder embedder, OperatorContext context, CancellationToken cancellationToken)
    {
        var (image, failure) = await ObjectImageReader.ReadAsync(context.Storage, path, context.Decoder, cancellationToken);
        if (image is null)
        {
            return (null, failure);
        }

        using (image)
        {
            return ((await embedder.EmbedAsync([image], cancellationToken))[0], null);
        }
    }
}
