namespace Refinery.Operators.Similarity;

/// <summary>
/// Receives verified pairs from parallel searches (in any order, each pair once) and builds the
/// <see cref="DuplicateGrouping"/>: union–find for the groups, the most similar partner per sample for the reasons.
/// </summary>
public sealed class DuplicateGroupBuilder
{
    private readonly Lock _lock = new();
    private readonly UnionFind _sets;
    private readonly SimilarMatch?[] _closest;
    private long _pairCount;

    public DuplicateGroupBuilder(int count)
    {
        _sets = new UnionFind(count);
        _closest = new SimilarMatch?[count];
    }

    public void Add(ReadOnlySpan<SimilarPair> pairs)
    {
        lock (_lock)
        {
            _pairCount += pairs.Length;
            foreach (var pair in pairs)
            {
                _sets.Union(pair.First, pair.Second);
                Offer(pair.First, pair.Second, pair.Similarity);
                Offer(pair.Second, pair.First, pair.Similarity);
            }
        }
    }

    public DuplicateGrouping Build()
    {
        lock (_lock)
        {
            return new DuplicateGrouping(_sets.FirstInInputOrder(), _closest, _sets.Groups(), _pairCount);
        }
    }

    // Ties go to the partner earlier in input order, so the reason does not depend on which thread reported first.
    private void Offer(int sample, int partner, float similarity)
    {
        if (_closest[sample] is not { } current
            || similarity > current.Similarity
            || (similarity == current.Similarity && partner < current.Sample))
        {
            _closest[sample] = new SimilarMatch(partner, similarity);
        }
    }
}
