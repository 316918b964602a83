using System.Numerics.Tensors;
using Refinery.Imaging.Embeddings;
using Refinery.Operators.Analysis;
using Refinery.Operators.Pipeline;
using Refinery.Operators.Similarity;

namespace Refinery.Operators.Selection;

/// <summary>
/// What the similarity dataset stages read from the pass: the live samples' embeddings or hashes, row i belonging to
/// <see cref="Ordinals"/>[i], in input order; and, once decided, the names of the few samples a decision refers to.
/// </summary>
public sealed class StagedSimilarityInputs
{
    private StagedSimilarityInputs(long[] ordinals, EmbeddingMatrix? embeddings, ulong[]? hashes)
    {
        Ordinals = ordinals;
        Embeddings = embeddings;
        Hashes = hashes;
    }

    public long[] Ordinals { get; }

    public EmbeddingMatrix? Embeddings { get; }

    public ulong[]? Hashes { get; }

    public int Count => Ordinals.Length;

    /// <summary>
    /// The live samples' embeddings in one matrix: one read counts them so the matrix is allocated once at its size
    /// (100,000 samples: 200 MB, not that twice while a list grows), a second fills it.
    /// </summary>
    public static async Task<StagedSimilarityInputs> LoadEmbeddingsAsync(Func<IAsyncEnumerable<StagedSample>> samples, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in Embedded(samples, cancellationToken))
        {
            count++;
        }

        var ordinals = new long[count];
        var values = new float[(long)count * ImageEmbedder.Dimensions];
        var row = 0;
        await foreach (var (sample, encoded) in Embedded(samples, cancellationToken))
        {
            if (row == count)
            {
                throw new InvalidOperationException("the pass's samples changed between two reads of the same dataset stage");
            }

            ordinals[row] = sample.Ordinal;
            var vector = values.AsSpan(row * ImageEmbedder.Dimensions, ImageEmbedder.Dimensions);
            EmbeddingCodec.Decode(encoded).CopyTo(vector);
            // float16 rounding leaves the stored vector up to about 10⁻³ off unit length: an image and its byte-for-byte
            // copy would be 1.0001 similar, and cosine as a dot product needs unit vectors.
            TensorPrimitives.Divide(vector, TensorPrimitives.Norm<float>(vector), vector);
            row++;
        }

        return new StagedSimilarityInputs(ordinals, new EmbeddingMatrix(values, ImageEmbedder.Dimensions), null);
    }

    public static async Task<StagedSimilarityInputs> LoadPerceptualHashesAsync(Func<IAsyncEnumerable<StagedSample>> samples, CancellationToken cancellationToken)
    {
        var ordinals = new List<long>();
        var hashes = new List<ulong>();
        await foreach (var sample in samples().WithCancellation(cancellationToken))
        {
            if (sample.Alive && sample.Record.TryGet(AnalysisRecordKeys.PerceptualHash, out var hash))
            {
                ordinals.Add(sample.Ordinal);
                hashes.Add(hash);
            }
        }

        return new StagedSimilarityInputs([.. ordinals], null, [.. hashes]);
    }

    /// <summary>The similarity of two rows: cosine of their embeddings, or 1 − Hamming/64 of their hashes.</summary>
    public float Similarity(int first, int second) => Embeddings is { } embeddings
        ? TensorPrimitives.Dot(embeddings.Row(first), embeddings.Row(second))
        : PerceptualHashSimilarity.Of(Hashes![first], Hashes[second]);

    /// <summary>The input names of the rows in <paramref name="rows"/>, by row, in one read.</summary>
    public async Task<Dictionary<int, string>> NamesAsync(
        Func<IAsyncEnumerable<StagedSample>> samples, IEnumerable<int> rows, CancellationToken cancellationToken)
    {
        var wanted = rows.Distinct().ToDictionary(row => Ordinals[row]);
        var names = new Dictionary<int, string>(wanted.Count);
        await foreach (var sample in samples().WithCancellation(cancellationToken))
        {
            if (wanted.TryGetValue(sample.Ordinal, out var row))
            {
                names[row] = sample.OriginSource;
            }
        }

        return names;
    }

    /// <summary>The live samples of the pass that carry an embedding, with it, in input order (PCC streams them).</summary>
    public static async IAsyncEnumerable<(StagedSample Sample, byte[] Encoded)> Embedded(
        Func<IAsyncEnumerable<StagedSample>> samples, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var sample in samples().WithCancellation(cancellationToken))
        {
            if (sample.Alive && sample.Record.TryGet(SelectionRecordKeys.Embedding, out var encoded))
            {
                yield return (sample, encoded);
            }
        }
    }
}
