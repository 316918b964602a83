namespace Refinery.Operators.Similarity;

/// <summary>
/// One search worker's pairs, handed to the shared <see cref="DuplicateGroupBuilder"/> a few thousand at a time: one
/// lock per batch rather than per pair, and bounded memory even when a threshold makes nearly every pair similar.
/// </summary>
public sealed class SimilarPairBuffer(DuplicateGroupBuilder builder)
{
    private const int Capacity = 4096;
    private readonly SimilarPair[] _pairs = new SimilarPair[Capacity];
    private int _count;

    public void Add(int first, int second, float similarity)
    {
        _pairs[_count++] = new SimilarPair(first, second, similarity);
        if (_count == Capacity)
        {
            Flush();
        }
    }

    public void Flush()
    {
        builder.Add(_pairs.AsSpan(0, _count));
        _count = 0;
    }
}
