using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Refinery.Operators.Similarity;

namespace Refinery.Operators.Tests.Similarity;

public sealed class UnionFindTests
{
    [Fact]
    public void Groups_list_members_in_input_order_and_keep_the_first_whatever_order_the_unions_came_in()
    {
        var sets = new UnionFind(8);
        sets.Union(6, 2);
        sets.Union(7, 4);
        sets.Union(2, 5);
        sets.Union(4, 1);

        Assert.Equal([[1, 4, 7], [2, 5, 6]], sets.Groups());
        Assert.Equal([0, 1, 2, 3, 1, 2, 2, 1], sets.FirstInInputOrder());
    }

    [Fact]
    public void Union_says_whether_it_joined_two_sets()
    {
        var sets = new UnionFind(3);

        Assert.True(sets.Union(0, 1));
        Assert.False(sets.Union(1, 0));
        Assert.Equal(sets.Find(0), sets.Find(1));
        Assert.NotEqual(sets.Find(0), sets.Find(2));
    }

    [Property(MaxTest = 200)]
    public Property Sets_are_the_connected_components_of_the_unions() =>
        Prop.ForAll(
            Gen.Choose(1, 40).SelectMany(count => Gen.ListOf(Gen.Two(Gen.Choose(0, count - 1))).Select(edges => (count, edges))).ToArbitrary(),
            input =>
            {
                var (count, edges) = input;
                var sets = new UnionFind(count);
                foreach (var (a, b) in edges)
                {
                    sets.Union(a, b);
                }

                var first = sets.FirstInInputOrder();
                var component = NaiveComponents(count, edges);
                for (var i = 0; i < count; i++)
                {
                    // The first member of i's component in input order is the smallest index carrying its label.
                    if (first[i] != Array.IndexOf(component, component[i]))
                    {
                        return false;
                    }
                }

                return true;
            });

    /// <summary>Labels by repeated relaxation to the smallest label of a neighbour, until nothing changes.</summary>
    private static int[] NaiveComponents(int count, IEnumerable<(int, int)> edges)
    {
        var label = Enumerable.Range(0, count).ToArray();
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (a, b) in edges)
            {
                var smallest = Math.Min(label[a], label[b]);
                changed |= label[a] != smallest || label[b] != smallest;
                label[a] = label[b] = smallest;
            }
        }

        return label;
    }
}
