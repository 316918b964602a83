namespace Refinery.Operators.Similarity;

/// <summary>
/// The outcome of a near-duplicate search: the groups (connected components of verified pairs), the sample each group
/// keeps (its first in input order), and for every sample its most similar verified partner.
/// </summary>
public sealed class DuplicateGrouping(int[] keptSampleOf, SimilarMatch?[] closestMatches, IReadOnlyList<int[]> groups, long similarPairCount)
{
    public int Count => keptSampleOf.Length;

    /// <summary>Groups of two or more samples, each in input order, ordered by their kept sample.</summary>
    public IReadOnlyList<int[]> Groups => groups;

    /// <summary>
    /// How many distinct pairs were verified similar: every one is a true pair and none is counted twice, so against
    /// a brute-force count this is the index's recall.
    /// </summary>
    public long SimilarPairCount => similarPairCount;

    public int RemovedCount { get; } = keptSampleOf.Where((kept, sample) => kept != sample).Count();

    public bool IsKept(int sample) => keptSampleOf[sample] == sample;

    /// <summary>The first sample in input order of this sample's group (the sample itself when it is kept).</summary>
    public int KeptSampleOf(int sample) => keptSampleOf[sample];

    /// <summary>
    /// The sample's most similar verified partner, or null when it has none. Grouping is transitive, so a removed
    /// sample's kept sample may be less similar to it than the threshold; this is the pair that put it in the group.
    /// </summary>
    public SimilarMatch? ClosestMatch(int sample) => closestMatches[sample];
}
