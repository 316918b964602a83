using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Refinery.Operators.Similarity;
using Refinery.TestSupport;

namespace Refinery.Operators.Tests.Similarity;

public sealed class PerceptualHashDuplicateFinderTests
{
    [Theory]
    [InlineData(0.9, 6)]
    [InlineData(0.875, 8)]
    [InlineData(1.0, 0)]
    [InlineData(0.0, 64)]
    [InlineData(0.95, 3)]
    public void The_threshold_allows_the_Hamming_distances_whose_similarity_reaches_it(double threshold, int maxDistance) =>
        Assert.Equal(maxDistance, PerceptualHashSimilarity.MaxDistance(threshold));

    [Fact]
    public void Hashes_six_bits_apart_are_duplicates_at_the_default_threshold_and_seven_bits_apart_are_not()
    {
        ulong[] hashes = [0xF0F0_1234_5678_9ABCUL, 0xF0F0_1234_5678_9ABCUL ^ 0b11_1111UL, 0x0F0F_0000_FFFF_0000UL, 0x0F0F_0000_FFFF_0000UL ^ 0b111_1111UL];

        var grouping = PerceptualHashDuplicateFinder.Find(hashes, 0.9);

        Assert.Equal([[0, 1]], grouping.Groups);
        Assert.False(grouping.IsKept(1));
        Assert.Equal(new SimilarMatch(0, 1f - (6f / 64)), grouping.ClosestMatch(1));
        Assert.True(grouping.IsKept(3));
    }

    [Property(MaxTest = 60)]
    public Property Finds_exactly_the_pairs_a_brute_force_comparison_finds() =>
        Prop.ForAll(
            (from count in Gen.Choose(0, 400)
             from maxFlips in Gen.Choose(0, 20)
             from threshold in Gen.Elements(1.0, 0.95, 0.9, 0.875, 0.8, 0.75, 0.7, 0.5)
             from seed in Gen.Choose(0, int.MaxValue)
             select (count, maxFlips, threshold, seed)).ToArbitrary(),
            input =>
            {
                var hashes = SyntheticHashes.WithPlantedDuplicates(input.count, 0.4, input.maxFlips, input.seed);

                var found = PerceptualHashDuplicateFinder.Find(hashes, input.threshold);

                var expected = BruteForceDuplicates.Group(
                    hashes.Length, (a, b) => PerceptualHashSimilarity.Of(hashes[a], hashes[b]), SimilarityOf(input.threshold));
                BruteForceDuplicates.AssertSame(expected, found);
            });

    [Fact]
    public void Near_duplicates_among_thousands_of_hashes_are_found_completely()
    {
        var hashes = SyntheticHashes.WithPlantedDuplicates(20_000, 0.2, 10, seed: 7);

        var found = PerceptualHashDuplicateFinder.Find(hashes, 0.9);

        var expected = BruteForceDuplicates.Group(hashes.Length, (a, b) => PerceptualHashSimilarity.Of(hashes[a], hashes[b]), SimilarityOf(0.9));
        Assert.True(expected.SimilarPairCount > 1000, $"only {expected.SimilarPairCount} planted pairs");
        BruteForceDuplicates.AssertSame(expected, found);
    }

    [Fact]
    public void Identical_hashes_form_one_group_that_keeps_the_first()
    {
        ulong[] hashes = [5, 9, 5, 5, 9];

        var grouping = PerceptualHashDuplicateFinder.Find(hashes, 1.0);

        Assert.Equal([[0, 2, 3], [1, 4]], grouping.Groups);
        Assert.Equal(3, grouping.RemovedCount);
    }

    // The oracle compares similarities as the finder defines them: the smallest k/64 similarity that reaches the threshold.
    private static float SimilarityOf(double threshold) =>
        PerceptualHashSimilarity.Similarity(PerceptualHashSimilarity.MaxDistance(threshold));
}
