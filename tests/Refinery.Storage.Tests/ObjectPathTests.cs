namespace Refinery.Storage.Tests;

public sealed class ObjectPathTests
{
    [Theory]
    [InlineData("b", "in", "b", "in", true)]
    [InlineData("b", "in/out", "b", "in", true)]
    [InlineData("b", "in/a/b", "b", "in", true)]
    [InlineData("b", "anything", "b", "", true)]
    [InlineData("b", "input", "b", "in", false)]
    [InlineData("b", "in", "b", "in/out", false)]
    [InlineData("c", "in/out", "b", "in", false)]
    public void A_path_is_under_a_directory_only_at_segment_boundaries_in_the_same_bucket(
        string bucket, string key, string directoryBucket, string directoryKey, bool under) =>
        Assert.Equal(under, new ObjectPath(bucket, key).IsSameOrUnder(new ObjectPath(directoryBucket, directoryKey)));
}
