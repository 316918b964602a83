using Refinery.Operators.Similarity;
using Refinery.TestSupport;

namespace Refinery.Operators.Tests.Similarity;

public sealed class PrototypeCriticismFilterTests
{
    private const int Dimension = 256;

    [Fact]
    public void Keeps_samples_like_a_prototype_and_drops_unlike_ones()
    {
        var data = Clustered(out var truth);
        // Prototypes: two samples of cluster 0 and one of cluster 1; cluster 2 has none.
        var prototypes = data.Gather([.. FirstOf(truth, 0, 2), .. FirstOf(truth, 1, 1)]);
        var filter = new PrototypeCriticismFilter(prototypes, criticisms: null, clusterCount: null, similarityThreshold: 0.9f, embeddingDistance: 0.6f, seed: 1);

        var judgements = filter.Judge(data);

        for (var sample = 0; sample < truth.Length; sample++)
        {
            Assert.Equal(truth[sample] != 2, judgements[sample].Kept);
        }

        var unlike = Array.IndexOf(truth, 2);
        Assert.True(judgements[unlike].CentroidDistance > 0.6f);
        Assert.Null(judgements[unlike].NearestCriticism);
    }

    [Fact]
    public void Drops_samples_that_are_like_a_criticism_image_even_when_like_a_prototype()
    {
        var data = Clustered(out var truth);
        var prototypes = data.Gather([.. FirstOf(truth, 0, 1), .. FirstOf(truth, 1, 1)]);
        var criticisms = data.Gather(FirstOf(truth, 1, 1));
        var filter = new PrototypeCriticismFilter(prototypes, criticisms, clusterCount: null, 0.9f, 0.6f, seed: 1);

        var judgements = filter.Judge(data);

        for (var sample = 0; sample < truth.Length; sample++)
        {
            Assert.Equal(truth[sample] == 0, judgements[sample].Kept);
        }
    }

    [Fact]
    public void Fewer_clusters_than_prototypes_builds_unit_length_centroids()
    {
        var data = Clustered(out var truth);
        var prototypes = data.Gather([.. FirstOf(truth, 0, 3), .. FirstOf(truth, 1, 3)]);

        var filter = new PrototypeCriticismFilter(prototypes, null, clusterCount: 2, 0.9f, 0.6f, seed: 1);

        Assert.Equal(2, filter.Centroids.Count);
        for (var centroid = 0; centroid < 2; centroid++)
        {
            Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(filter.Centroids.Row(centroid)), 4);
        }
    }

    // Samples sit at cosine ~0.8 from their cluster centre, so ~0.64 from each other and ~0 across clusters:
    // similar within a cluster only through embedding_distance 0.6.
    private static EmbeddingMatrix Clustered(out int[] truth) =>
        new(SyntheticEmbeddings.Clustered(300, Dimension, clusters: 3, seed: 8, out truth), Dimension);

    private static int[] FirstOf(int[] truth, int cluster, int count) =>
        [.. Enumerable.Range(0, truth.Length).Where(sample => truth[sample] == cluster).Take(count)];
}
