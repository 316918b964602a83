namespace Refinery.Operators.Similarity;

/// <summary>
/// Row-major embeddings in one contiguous array (100,000 × 512 floats is 200 MB: one allocation the GC never walks,
/// rows adjacent in cache), in input order; the similarity algorithms assume each row is L2-normalised.
/// </summary>
public sealed class EmbeddingMatrix
{
    public EmbeddingMatrix(float[] values, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (values.Length % dimension != 0)
        {
            throw new ArgumentException($"{values.Length} values are not a whole number of {dimension}-dimensional rows.", nameof(values));
        }

        Values = values;
        Dimension = dimension;
        Count = values.Length / dimension;
    }

    public float[] Values { get; }

    public int Dimension { get; }

    public int Count { get; }

    public ReadOnlySpan<float> Row(int index) => Values.AsSpan(index * Dimension, Dimension);

    /// <summary>Copies separate vectors (prototype images, a handful of centroids) into one matrix.</summary>
    public static EmbeddingMatrix FromRows(IReadOnlyList<float[]> rows, int dimension)
    {
        var values = new float[rows.Count * dimension];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != dimension)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} values, not {dimension}.", nameof(rows));
            }

            rows[i].CopyTo(values, i * dimension);
        }

        return new EmbeddingMatrix(values, dimension);
    }

    /// <summary>The rows at <paramref name="indices"/>, in that order, as a new matrix (one cluster's members, adjacent in cache).</summary>
    public EmbeddingMatrix Gather(ReadOnlySpan<int> indices)
    {
        var values = new float[indices.Length * Dimension];
        for (var i = 0; i < indices.Length; i++)
        {
            Row(indices[i]).CopyTo(values.AsSpan(i * Dimension, Dimension));
        }

        return new EmbeddingMatrix(values, Dimension);
    }
}
