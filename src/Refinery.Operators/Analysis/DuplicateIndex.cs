using System.Runtime.InteropServices;

namespace Refinery.Operators.Analysis;

/// <summary>
/// Collects both hashes of every sample (16 bytes each: the only state of the reduce that grows with the dataset) and
/// groups them by sorting, cleanvision's rules: identical exact hash = exact set; identical pHash = near set, unless
/// that set is exactly one exact set (identical pixels give identical pHashes, so an exact set always lies inside one
/// pHash set, and the two are equal precisely when every member shares one exact hash).
/// </summary>
public sealed class DuplicateIndex
{
    private readonly List<HashPair> _pairs = [];

    public void Add(ulong exactHash, ulong perceptualHash) => _pairs.Add(new HashPair(exactHash, perceptualHash));

    /// <summary>Groups what was added and releases the collected hashes.</summary>
    public DuplicateGroups Build()
    {
        var pairs = CollectionsMarshal.AsSpan(_pairs);
        var exactSets = new Dictionary<ulong, int>();
        pairs.Sort(static (a, b) => a.Exact.CompareTo(b.Exact));
        foreach (var (start, length) in Runs(pairs, static (a, b) => a.Exact == b.Exact))
        {
            exactSets[pairs[start].Exact] = length;
        }

        var nearSets = new Dictionary<ulong, int>();
        pairs.Sort(static (a, b) => a.Perceptual != b.Perceptual ? a.Perceptual.CompareTo(b.Perceptual) : a.Exact.CompareTo(b.Exact));
        foreach (var (start, length) in Runs(pairs, static (a, b) => a.Perceptual == b.Perceptual))
        {
            if (pairs[start].Exact != pairs[start + length - 1].Exact)
            {
                nearSets[pairs[start].Perceptual] = length;
            }
        }

        _pairs.Clear();
        _pairs.TrimExcess();
        return new DuplicateGroups(exactSets, nearSets);
    }

    /// <summary>Start and length of each run of two or more equal neighbours.</summary>
    private static List<(int Start, int Length)> Runs(ReadOnlySpan<HashPair> sorted, Func<HashPair, HashPair, bool> same)
    {
        var runs = new List<(int, int)>();
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || !same(sorted[start], sorted[i]))
            {
                if (i - start >= 2)
                {
                    runs.Add((start, i - start));
                }

                start = i;
            }
        }

        return runs;
    }

    private readonly record struct HashPair(ulong Exact, ulong Perceptual);
}
