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
        Assert.False(filter.CentroidsArePrototypes);
        for (var centroid = 0; centroid < 2; centroid++)
        {
            Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(filter.Centroids.Row(centroid)), 4);
        }
    }

    [Theory]
    [InlineData(0.85f, 0.9f, 0.2f, true)] // distance 0.15 ≤ 0.2
    [InlineData(0.85f, 0.9f, 0.1f, false)] // neither rule
    [InlineData(0.85f, 0.8f, 0f, true)] // similarity ≥ 0.8
    [InlineData(0.5f, 0.5f, 0f, true)] // at the threshold counts
    [InlineData(-0.2f, 1f, 1f, false)] // opposite: distance 1.2
    public void A_sample_is_like_the_prototypes_when_either_rule_holds(float cosine, float similarityThreshold, float embeddingDistance, bool like)
    {
        var prototypes = new EmbeddingMatrix([1f, 0f], 2);
        var sample = new EmbeddingMatrix([cosine, MathF.Sqrt(1 - (cosine * cosine))], 2);
        var filter = new PrototypeCriticismFilter(prototypes, null, clusterCount: null, similarityThreshold, embeddingDistance, seed: 1);

        var judgement = Assert.Single(filter.Judge(sample));

        Assert.Equal((like, false, like), (judgement.LikePrototypes, judgement.LikeCriticism, judgement.Kept));
        Assert.True(filter.CentroidsArePrototypes);
    }

    [Fact]
    public void A_sample_like_both_a_prototype_and_a_criticism_image_says_both()
    {
        var references = new EmbeddingMatrix([1f, 0f], 2);
        var filter = new PrototypeCriticismFilter(references, references, clusterCount: null, 0.9f, 0.1f, seed: 1);

        var judgement = Assert.Single(filter.Judge(references));

        Assert.Equal((true, true, false), (judgement.LikePrototypes, judgement.LikeCriticism, judgement.Kept));
        Assert.Equal(new SimilarMatch(0, 1f), judgement.NearestCriticism);
    }

    // Samples sit at cosine ~0.8 from their cluster centre, so ~0.64 from each other and ~0 across clusters:
    // similar within a cluster only through embedding_distance 0.6.
    private static EmbeddingMatrix Clustered(out int[] truth) =>
        new(SyntheticEmbeddings.Clustered(300, Dimension, clusters: 3, seed: 8, out truth), Dimension);

    private static int[] FirstOf(int[] truth, int cluster, int count) =>
        [.. Enumerable.Range(0, truth.Length).Where(sample => truth[sample] == cluster).Take(count)];
}
