using Refinery.Operators.Similarity;

namespace Refinery.Operators.Tests.Similarity;

/// <summary>The oracle: every pair compared, so whatever an index finds can be checked against all there is.</summary>
internal static class BruteForceDuplicates
{
    public delegate float Similarity(int first, int second);

    public static DuplicateGrouping Group(int count, Similarity similarity, float threshold)
    {
        var builder = new DuplicateGroupBuilder(count);
        var pairs = new List<SimilarPair>();
        for (var first = 0; first < count; first++)
        {
            for (var second = first + 1; second < count; second++)
            {
                var value = similarity(first, second);
                if (value >= threshold)
                {
                    pairs.Add(new SimilarPair(first, second, value));
                }
            }
        }

        builder.Add(pairs.ToArray());
        return builder.Build();
    }

    public static void AssertSame(DuplicateGrouping expected, DuplicateGrouping actual)
    {
        Assert.Equal(expected.SimilarPairCount, actual.SimilarPairCount);
        Assert.Equal(expected.Groups, actual.Groups);
        for (var sample = 0; sample < expected.Count; sample++)
        {
            Assert.Equal(expected.KeptSampleOf(sample), actual.KeptSampleOf(sample));
            Assert.Equal(expected.ClosestMatch(sample), actual.ClosestMatch(sample));
        }
    }
}
