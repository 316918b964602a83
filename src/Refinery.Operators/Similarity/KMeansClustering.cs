namespace Refinery.Operators.Similarity;

/// <summary>The outcome of <see cref="KMeans"/>: the centroids, and each sample's cluster (index of its nearest centroid).</summary>
public sealed record KMeansClustering(EmbeddingMatrix Centroids, int[] Assignments)
{
    /// <summary>Each cluster's members in input order.</summary>
    public int[][] Members()
    {
        var members = new List<int>[Centroids.Count];
        for (var cluster = 0; cluster < members.Length; cluster++)
        {
            members[cluster] = [];
        }

        for (var sample = 0; sample < Assignments.Length; sample++)
        {
            members[Assignments[sample]].Add(sample);
        }

        return [.. members.Select(list => list.ToArray())];
    }
}
