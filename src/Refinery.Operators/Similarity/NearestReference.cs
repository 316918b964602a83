using System.Numerics.Tensors;

namespace Refinery.Operators.Similarity;

/// <summary>
/// For each query row, the reference row with the largest dot product plus that reference's bias: cosine nearest
/// neighbour for unit vectors with no bias, nearest Euclidean centroid with bias −‖c‖²/2. Works in blocks of 64 queries
/// × 64 references (256 KB of rows at 512-d) so each reference block is reused from cache across many queries; ties go
/// to the lower reference index.
/// </summary>
internal static class NearestReference
{
    private const int Block = 64;

    public static void Find(
        EmbeddingMatrix queries, EmbeddingMatrix references, float[]? bias, int[] nearest, float[] scores, CancellationToken cancellationToken)
    {
        if (references.Count == 0)
        {
            throw new ArgumentException("There is no reference to be nearest to.", nameof(references));
        }

        var blocks = (queries.Count + Block - 1) / Block;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, blocks, options, block =>
        {
            var start = block * Block;
            var end = Math.Min(queries.Count, start + Block);
            nearest.AsSpan(start, end - start).Fill(-1);
            scores.AsSpan(start, end - start).Fill(float.NegativeInfinity);
            for (var referenceStart = 0; referenceStart < references.Count; referenceStart += Block)
            {
                var referenceEnd = Math.Min(references.Count, referenceStart + Block);
                for (var query = start; query < end; query++)
                {
                    var row = queries.Row(query);
                    for (var reference = referenceStart; reference < referenceEnd; reference++)
                    {
                        var score = TensorPrimitives.Dot(row, references.Row(reference)) + (bias?[reference] ?? 0f);
                        if (score > scores[query])
                        {
                            scores[query] = score;
                            nearest[query] = reference;
                        }
                    }
                }
            }
        });
    }
}
