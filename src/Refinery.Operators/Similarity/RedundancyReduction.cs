namespace Refinery.Operators.Similarity;

/// <summary>
/// RRD: keeps round(sample_ratio × N) samples (midpoints away from zero) chosen by greedy k-center, which removes the
/// most redundant. With more than one cluster the data is first split by k-means, each cluster's quota is its
/// proportional share by largest remainder (the quotas sum exactly to the kept count), and k-center runs per cluster,
/// clusters in parallel. Splitting is also what keeps it fast: k-center over m samples costs about m² dot products,
/// so per-cluster work sums to N²/k instead of N².
/// </summary>
public static class RedundancyReduction
{
    /// <summary>
    /// The cluster count `n_clusters: auto` means: √(N/10), at least 1 (10 clusters for 1,000 samples, 100 for 100,000):
    /// it balances k-means (N × k per iteration) against k-center (N²/k), and keeps clusters near a thousand samples.
    /// </summary>
    public static int AutoClusterCount(int sampleCount) => Math.Max(1, (int)Math.Round(Math.Sqrt(sampleCount / 10.0)));

    public static int KeptCount(int sampleCount, double sampleRatio) =>
        (int)Math.Round(sampleRatio * sampleCount, MidpointRounding.AwayFromZero);

    public static RedundancySelection Select(
        EmbeddingMatrix embeddings, double sampleRatio, int? clusterCount, int seed, CancellationToken cancellationToken = default)
    {
        if (!(sampleRatio > 0 && sampleRatio <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRatio), sampleRatio, "The sample ratio must be in (0, 1].");
        }

        var count = embeddings.Count;
        var kept = new bool[count];
        var clusters = new int[count];
        var nearestKept = new SimilarMatch?[count];
        if (count == 0)
        {
            return new RedundancySelection(kept, clusters, nearestKept);
        }

        var clusterTotal = Math.Min(count, clusterCount ?? AutoClusterCount(count));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusterTotal, nameof(clusterCount));
        var members = clusterTotal == 1
            ? [Enumerable.Range(0, count).ToArray()]
            : KMeans.Fit(embeddings, clusterTotal, seed, cancellationToken).Members();
        var quotas = LargestRemainderApportionment.Apportion(KeptCount(count, sampleRatio), [.. members.Select(cluster => cluster.Length)]);
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, members.Length, options, cluster =>
        {
            var indices = members[cluster];
            var selection = KCenter.Select(embeddings.Gather(indices), quotas[cluster], cancellationToken);
            foreach (var pick in selection.Picks)
            {
                kept[indices[pick]] = true;
            }

            for (var local = 0; local < indices.Length; local++)
            {
                var sample = indices[local];
                clusters[sample] = cluster;
                nearestKept[sample] = selection.NearestPick[local] < 0
                    ? null
                    : new SimilarMatch(indices[selection.NearestPick[local]], selection.NearestPickSimilarity[local]);
            }
        });
        return new RedundancySelection(kept, clusters, nearestKept);
    }
}
