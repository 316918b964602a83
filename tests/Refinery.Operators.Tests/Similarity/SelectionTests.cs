using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Refinery.Operators.Similarity;
using Refinery.TestSupport;

namespace Refinery.Operators.Tests.Similarity;

public sealed class SelectionTests
{
    private const int Dimension = 64;

    [Property(MaxTest = 300)]
    public Property Largest_remainder_quotas_sum_to_the_total_and_stay_within_each_part() =>
        Prop.ForAll(
            (from sizes in Gen.NonEmptyListOf(Gen.Choose(0, 50))
             from fraction in Gen.Choose(0, 1000)
             select (sizes, total: (int)(sizes.Sum() * (fraction / 1000.0)))).ToArbitrary(),
            input =>
            {
                var quotas = LargestRemainderApportionment.Apportion(input.total, input.sizes);
                var sum = input.sizes.Sum();
                return quotas.Sum() == input.total
                    && quotas.Select((quota, part) => quota <= input.sizes[part]
                        && Math.Abs(quota - ((double)input.total * input.sizes[part] / Math.Max(1, sum))) < 1).All(ok => ok);
            });

    [Fact]
    public void Largest_remainder_gives_the_leftover_seats_to_the_largest_fractions()
    {
        // 7 × (5, 3, 2) / 10 = 3.5, 2.1, 1.4: floors 3 + 2 + 1 = 6, the seventh goes to the 0.5.
        Assert.Equal([4, 2, 1], LargestRemainderApportionment.Apportion(7, [5, 3, 2]));
    }

    [Fact]
    public void K_center_starts_with_the_first_sample_and_then_takes_the_farthest()
    {
        var points = Matrix([1, 0], [0.995f, 0.0998f], [0, 1], [-1, 0]);

        var selection = KCenter.Select(points, 3);

        Assert.Equal([0, 3, 2], selection.Picks);
        Assert.Equal(0, selection.NearestPick[1]);
        Assert.Equal(0.995f, selection.NearestPickSimilarity[1], 3);
    }

    [Property(MaxTest = 40)]
    public Property RRD_keeps_exactly_the_rounded_ratio_of_the_samples() =>
        Prop.ForAll(
            (from count in Gen.Choose(1, 300)
             from ratio in Gen.Choose(1, 100).Select(percent => percent / 100.0)
             from clusters in Gen.Elements<int?>(null, 1, 2, 7, 50)
             from seed in Gen.Choose(0, 10_000)
             select (count, ratio, clusters, seed)).ToArbitrary(),
            input =>
            {
                var embeddings = new EmbeddingMatrix(
                    SyntheticEmbeddings.WithPlantedDuplicates(input.count, Dimension, 0.3, 0.9, SyntheticEmbeddings.Shape.Isotropic, input.seed), Dimension);

                var selection = RedundancyReduction.Select(embeddings, input.ratio, input.clusters, input.seed);

                return selection.KeptCount == (int)Math.Round(input.ratio * input.count, MidpointRounding.AwayFromZero);
            });

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.05)]
    public void RRD_on_clustered_data_keeps_samples_from_every_cluster(double ratio)
    {
        const int clusters = 8;
        var embeddings = new EmbeddingMatrix(SyntheticEmbeddings.Clustered(800, Dimension, clusters, seed: 2, out var truth), Dimension);

        var selection = RedundancyReduction.Select(embeddings, ratio, clusterCount: clusters, seed: 1);

        var keptPerCluster = new int[clusters];
        for (var sample = 0; sample < embeddings.Count; sample++)
        {
            keptPerCluster[truth[sample]] += selection.IsKept(sample) ? 1 : 0;
        }

        Assert.Equal(RedundancyReduction.KeptCount(800, ratio), selection.KeptCount);
        Assert.All(keptPerCluster, kept => Assert.True(kept > 0, $"kept per cluster: {string.Join(", ", keptPerCluster)}"));
    }

    [Fact]
    public void RRD_removes_the_redundant_copy_before_any_distinct_sample()
    {
        // Four orthogonal samples and a near copy of the first: keeping four must drop the copy.
        var embeddings = Matrix([1, 0, 0, 0], [0, 1, 0, 0], [0.999f, 0.0447f, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]);

        var selection = RedundancyReduction.Select(embeddings, 0.8, clusterCount: 1, seed: 0);

        Assert.False(selection.IsKept(2));
        Assert.Equal(0, selection.NearestKept(2)!.Value.Sample);
        Assert.Equal(4, selection.KeptCount);
    }

    [Fact]
    public void K_means_recovers_well_separated_clusters_and_is_the_same_for_the_same_seed()
    {
        const int clusters = 6;
        var embeddings = new EmbeddingMatrix(SyntheticEmbeddings.Clustered(600, Dimension, clusters, seed: 4, out var truth), Dimension);

        var first = KMeans.Fit(embeddings, clusters, seed: 17);
        var second = KMeans.Fit(embeddings, clusters, seed: 17);

        Assert.Equal(first.Assignments, second.Assignments);
        // Every true cluster lands in one k-means cluster, and no two true clusters share one.
        var found = Enumerable.Range(0, clusters)
            .Select(cluster => Enumerable.Range(0, truth.Length).Where(sample => truth[sample] == cluster).Select(sample => first.Assignments[sample]).Distinct().ToArray())
            .ToArray();
        Assert.All(found, assigned => Assert.Single(assigned));
        Assert.Equal(clusters, found.Select(assigned => assigned[0]).Distinct().Count());
    }

    [Fact]
    public void Auto_cluster_count_grows_with_the_square_root_of_the_sample_count()
    {
        Assert.Equal(1, RedundancyReduction.AutoClusterCount(5));
        Assert.Equal(10, RedundancyReduction.AutoClusterCount(1000));
        Assert.Equal(100, RedundancyReduction.AutoClusterCount(100_000));
    }

    private static EmbeddingMatrix Matrix(params float[][] rows) => EmbeddingMatrix.FromRows(rows, rows[0].Length);
}
