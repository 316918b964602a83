using System.Numerics.Tensors;
using Refinery.Operators.Similarity;
using Refinery.TestSupport;
using Xunit.Abstractions;

namespace Refinery.Operators.Tests.Similarity;

public sealed class EmbeddingDuplicateFinderTests(ITestOutputHelper output)
{
    private const int Dimension = 512;
    private const float DefaultThreshold = 0.9f;

    [Theory]
    [InlineData(SyntheticEmbeddings.Shape.Isotropic)]
    [InlineData(SyntheticEmbeddings.Shape.Cone)]
    public void Finds_at_least_99_percent_of_the_pairs_a_brute_force_finds_at_the_default_threshold(SyntheticEmbeddings.Shape shape)
    {
        var embeddings = new EmbeddingMatrix(
            SyntheticEmbeddings.WithPlantedDuplicates(6000, Dimension, duplicateFraction: 0.3, minSimilarity: 0.88, shape, seed: 11), Dimension);

        var found = new EmbeddingDuplicateFinder().Find(embeddings, DefaultThreshold);

        var expected = BruteForce(embeddings, DefaultThreshold);
        var recall = (double)found.SimilarPairCount / expected.SimilarPairCount;
        var removedRecall = (double)found.RemovedCount / expected.RemovedCount;
        output.WriteLine($"{shape}: pairs {found.SimilarPairCount}/{expected.SimilarPairCount} (recall {recall:P2}), removed {found.RemovedCount}/{expected.RemovedCount} ({removedRecall:P2})");
        Assert.True(expected.SimilarPairCount > 1000, $"only {expected.SimilarPairCount} planted pairs");
        Assert.True(recall >= 0.99, $"pair recall {recall:P2}");
    }

    [Fact]
    public void Every_grouped_sample_has_a_partner_at_least_as_similar_as_the_threshold_and_the_first_is_kept()
    {
        var embeddings = new EmbeddingMatrix(
            SyntheticEmbeddings.WithPlantedDuplicates(2000, Dimension, 0.3, 0.8, SyntheticEmbeddings.Shape.Isotropic, seed: 3), Dimension);

        var found = new EmbeddingDuplicateFinder().Find(embeddings, DefaultThreshold);

        Assert.NotEmpty(found.Groups);
        foreach (var group in found.Groups)
        {
            Assert.True(found.IsKept(group[0]));
            foreach (var member in group)
            {
                var match = found.ClosestMatch(member)!.Value;
                Assert.True(match.Similarity >= DefaultThreshold);
                Assert.Equal(match.Similarity, TensorPrimitives.Dot(embeddings.Row(member), embeddings.Row(match.Sample)));
                Assert.Equal(group[0], found.KeptSampleOf(member));
            }
        }
    }

    [Fact]
    public void Distinct_vectors_are_not_grouped()
    {
        var embeddings = new EmbeddingMatrix(
            SyntheticEmbeddings.WithPlantedDuplicates(3000, Dimension, 0, 0.9, SyntheticEmbeddings.Shape.Cone, seed: 5), Dimension);

        var found = new EmbeddingDuplicateFinder().Find(embeddings, DefaultThreshold);

        Assert.Equal(0, found.RemovedCount);
    }

    [Fact]
    public void The_same_input_gives_the_same_grouping()
    {
        var embeddings = new EmbeddingMatrix(
            SyntheticEmbeddings.WithPlantedDuplicates(1500, Dimension, 0.3, 0.85, SyntheticEmbeddings.Shape.Cone, seed: 9), Dimension);

        var first = new EmbeddingDuplicateFinder().Find(embeddings, DefaultThreshold);
        var second = new EmbeddingDuplicateFinder().Find(embeddings, DefaultThreshold);

        BruteForceDuplicates.AssertSame(first, second);
    }

    [Theory]
    [InlineData(50_000)]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public void Large_sets_get_an_index_not_a_pairwise_comparison(int count)
    {
        var plan = HyperplaneLshOptions.Plan(count, DefaultThreshold, centredSpread: 1.0);

        Assert.InRange(plan.BitsPerTable, 8, 24);
        // A pair exactly at the threshold is missed by all tables with probability at most 0.5 %.
        var bitCollision = 1 - (Math.Acos(DefaultThreshold) / Math.PI);
        Assert.True(Math.Pow(1 - Math.Pow(bitCollision, plan.BitsPerTable), plan.Tables) <= HyperplaneLshOptions.MissAtThreshold);
    }

    [Fact]
    public void A_few_samples_or_a_threshold_too_low_to_index_are_compared_pairwise()
    {
        Assert.Equal(0, HyperplaneLshOptions.Plan(20, DefaultThreshold, 1.0).BitsPerTable);
        Assert.Equal(0, HyperplaneLshOptions.Plan(100_000, 0.5f, 0.36).BitsPerTable);
    }

    private static DuplicateGrouping BruteForce(EmbeddingMatrix embeddings, float threshold) =>
        BruteForceDuplicates.Group(embeddings.Count, (a, b) => TensorPrimitives.Dot(embeddings.Row(a), embeddings.Row(b)), threshold);
}
