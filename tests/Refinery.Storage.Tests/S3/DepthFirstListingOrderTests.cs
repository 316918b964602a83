using FsCheck.Xunit;
using Refinery.Storage.S3;

namespace Refinery.Storage.Tests.S3;

public sealed class DepthFirstListingOrderTests
{
    // Characters on both sides of '/', where S3's order and depth-first order disagree.
    private const string Alphabet = "ab.-/";

    private static List<string> Reorder(IEnumerable<string> keysInS3Order)
    {
        var order = new DepthFirstListingOrder();
        var output = new List<string>();
        foreach (var key in keysInS3Order)
        {
            output.AddRange(order.Accept(new ObjectInfo(new ObjectPath("b", key), 0)).Select(info => info.Path.Key));
        }

        output.AddRange(order.Finish().Select(info => info.Path.Key));
        return output;
    }

    [Fact]
    public void A_directory_comes_before_a_sibling_file_that_S3_lists_first()
    {
        Assert.Equal(
            ["img/a.jpg", "img/b.jpg", "img-1.jpg", "img.jpg", "imgs/c.jpg"],
            Reorder(["img-1.jpg", "img.jpg", "img/a.jpg", "img/b.jpg", "imgs/c.jpg"]));
    }

    [Fact]
    public void Keys_without_characters_below_slash_are_released_as_soon_as_they_arrive()
    {
        var order = new DepthFirstListingOrder();

        var released = order.Accept(new ObjectInfo(new ObjectPath("b", "train/cat_1"), 1));

        Assert.Equal("train/cat_1", Assert.Single(released).Path.Key);
    }

    [Property(MaxTest = 500)]
    public void Any_listing_in_S3_order_comes_out_in_depth_first_order(byte[][] raw)
    {
        var keys = raw
            .Select(bytes => string.Join('/', new string(bytes.Select(b => Alphabet[b % Alphabet.Length]).ToArray())
                .Split('/', StringSplitOptions.RemoveEmptyEntries)))
            .Where(key => key.Length > 0)
            .Distinct()
            .ToList();
        var inS3Order = keys.Order(StringComparer.Ordinal);
        var depthFirst = keys.Order(DepthFirstKeyComparer.Instance).ToList();

        Assert.Equal(depthFirst, Reorder(inS3Order));
    }

    [Fact]
    public void The_comparer_matches_a_walk_that_sorts_each_directory_by_name()
    {
        string[] keys = ["a/b", "a-c", "a.d", "a", "ab/c", "a/b/c", "a/a"];

        Assert.Equal(["a", "a/a", "a/b", "a/b/c", "a-c", "a.d", "ab/c"], keys.Order(DepthFirstKeyComparer.Instance));
    }
}
