namespace Refinery.Operators.Similarity;

/// <summary>
/// RRD's decision per sample: kept or not, its cluster, and its nearest kept sample in that cluster with their cosine
/// similarity (for a removed sample, the reason: the kept sample that makes it redundant).
/// </summary>
public sealed class RedundancySelection(bool[] kept, int[] clusters, SimilarMatch?[] nearestKept)
{
    public int Count => kept.Length;

    public int KeptCount { get; } = kept.Count(isKept => isKept);

    public bool IsKept(int sample) => kept[sample];

    public int ClusterOf(int sample) => clusters[sample];

    /// <summary>
    /// The nearest kept sample of the same cluster (the sample itself when it is kept); null when its cluster's
    /// proportional quota rounded to nothing.
    /// </summary>
    public SimilarMatch? NearestKept(int sample) => nearestKept[sample];
}
