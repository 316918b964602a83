namespace Refinery.Operators.Similarity;

/// <summary>
/// PCC's rule over embeddings: n_clusters k-means centroids of the prototypes (auto or n ≥ the prototype count: the
/// prototypes themselves), re-normalised so similarity stays cosine. A sample is "similar" to a centroid or a
/// criticism image when their similarity is at least <c>simlarity_threshold</c> or their cosine distance at most
/// <c>embedding_distance</c>; it is kept when it is similar to its nearest centroid and to no criticism image.
/// </summary>
public sealed class PrototypeCriticismFilter
{
    private readonly EmbeddingMatrix? _criticisms;
    private readonly float _similarityThreshold;
    private readonly float _embeddingDistance;

    public PrototypeCriticismFilter(
        EmbeddingMatrix prototypes,
        EmbeddingMatrix? criticisms,
        int? clusterCount,
        float similarityThreshold,
        float embeddingDistance,
        int seed,
        CancellationToken cancellationToken = default)
    {
        if (prototypes.Count == 0)
        {
            throw new ArgumentException("PCC needs at least one prototype.", nameof(prototypes));
        }

        var clusters = Math.Min(clusterCount ?? prototypes.Count, prototypes.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusters, nameof(clusterCount));
        CentroidsArePrototypes = clusters == prototypes.Count;
        Centroids = CentroidsArePrototypes
            ? prototypes
            : Normalised(KMeans.Fit(prototypes, clusters, seed, cancellationToken).Centroids);
        _criticisms = criticisms is { Count: > 0 } ? criticisms : null;
        _similarityThreshold = similarityThreshold;
        _embeddingDistance = embeddingDistance;
    }

    public EmbeddingMatrix Centroids { get; }

    /// <summary>Each centroid is a prototype (row i of both the same), so a judgement can name the prototype itself.</summary>
    public bool CentroidsArePrototypes { get; }

    public PrototypeJudgement[] Judge(EmbeddingMatrix samples, CancellationToken cancellationToken = default)
    {
        var (centroid, centroidSimilarity) = Nearest(samples, Centroids, cancellationToken);
        var (criticism, criticismSimilarity) = _criticisms is null ? ([], []) : Nearest(samples, _criticisms, cancellationToken);
        var judgements = new PrototypeJudgement[samples.Count];
        for (var sample = 0; sample < judgements.Length; sample++)
        {
            var nearestCriticism = _criticisms is null ? (SimilarMatch?)null : new SimilarMatch(criticism[sample], criticismSimilarity[sample]);
            judgements[sample] = new PrototypeJudgement(
                IsSimilar(centroidSimilarity[sample]),
                nearestCriticism is { } match && IsSimilar(match.Similarity),
                new SimilarMatch(centroid[sample], centroidSimilarity[sample]),
                nearestCriticism);
        }

        return judgements;
    }

    private bool IsSimilar(float similarity) => similarity >= _similarityThreshold || 1f - similarity <= _embeddingDistance;

    private static (int[] Nearest, float[] Similarity) Nearest(EmbeddingMatrix samples, EmbeddingMatrix references, CancellationToken cancellationToken)
    {
        var nearest = new int[samples.Count];
        var similarity = new float[samples.Count];
        NearestReference.Find(samples, references, bias: null, nearest, similarity, cancellationToken);
        return (nearest, similarity);
    }

    private static EmbeddingMatrix Normalised(EmbeddingMatrix vectors)
    {
        var values = (float[])vectors.Values.Clone();
        for (var row = 0; row < vectors.Count; row++)
        {
            var span = values.AsSpan(row * vectors.Dimension, vectors.Dimension);
            var norm = System.Numerics.Tensors.TensorPrimitives.Norm(span);
            if (norm > 0)
            {
                System.Numerics.Tensors.TensorPrimitives.Divide(span, norm, span);
            }
        }

        return new EmbeddingMatrix(values, vectors.Dimension);
    }
}
