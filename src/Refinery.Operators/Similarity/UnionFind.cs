namespace Refinery.Operators.Similarity;

/// <summary>
/// Disjoint sets over 0..n-1 (union by rank, path compression: near-constant time per operation), used to turn
/// verified similar pairs into duplicate groups whatever order the pairs arrive in.
/// </summary>
public sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly byte[] _rank;

    public UnionFind(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _parent = new int[count];
        _rank = new byte[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
        }
    }

    public int Count => _parent.Length;

    public int Find(int element)
    {
        var root = element;
        while (_parent[root] != root)
        {
            root = _parent[root];
        }

        while (_parent[element] != root)
        {
            var next = _parent[element];
            _parent[element] = root;
            element = next;
        }

        return root;
    }

    /// <summary>Joins the two sets; false when they already were one.</summary>
    public bool Union(int a, int b)
    {
        var rootA = Find(a);
        var rootB = Find(b);
        if (rootA == rootB)
        {
            return false;
        }

        if (_rank[rootA] < _rank[rootB])
        {
            (rootA, rootB) = (rootB, rootA);
        }

        _parent[rootB] = rootA;
        if (_rank[rootA] == _rank[rootB])
        {
            _rank[rootA]++;
        }

        return true;
    }

    /// <summary>
    /// For every element, the first element of its set in input order: the sample a de-duplication keeps
    /// (an element is kept exactly when it is its own first).
    /// </summary>
    public int[] FirstInInputOrder()
    {
        var firstOfRoot = new int[Count];
        Array.Fill(firstOfRoot, -1);
        var first = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            var root = Find(i);
            if (firstOfRoot[root] < 0)
            {
                firstOfRoot[root] = i;
            }

            first[i] = firstOfRoot[root];
        }

        return first;
    }

    /// <summary>The sets of two or more elements, each in input order, ordered by their first element.</summary>
    public IReadOnlyList<int[]> Groups()
    {
        var first = FirstInInputOrder();
        var sizes = new int[Count];
        foreach (var representative in first)
        {
            sizes[representative]++;
        }

        var groupOf = new int[Count];
        var filled = new int[Count];
        var groups = new List<int[]>();
        for (var i = 0; i < Count; i++)
        {
            var representative = first[i];
            if (sizes[representative] < 2)
            {
                continue;
            }

            if (representative == i)
            {
                groupOf[i] = groups.Count;
                groups.Add(new int[sizes[i]]);
            }

            groups[groupOf[representative]][filled[representative]++] = i;
        }

        return groups;
    }
}
