using Refinery.Imaging.Analysis;

namespace Refinery.Operators.Analysis;

/// <summary>The exact- and near-duplicate sets of a dataset; only sets of two or more are kept.</summary>
public sealed class DuplicateGroups(IReadOnlyDictionary<ulong, int> exactSets, IReadOnlyDictionary<ulong, int> nearSets)
{
    /// <summary>Samples in an exact-duplicate set (cleanvision's exact_duplicates count).</summary>
    public long ExactMembers { get; } = exactSets.Values.Sum(size => (long)size);

    /// <summary>Samples in a near-duplicate set that is not just an exact-duplicate set.</summary>
    public long NearMembers { get; } = nearSets.Values.Sum(size => (long)size);

    public DuplicateGroup? ExactGroupOf(ulong exactHash) =>
        exactSets.TryGetValue(exactHash, out var size) ? new DuplicateGroup($"exact-{ImageHashes.ToHex(exactHash)}", size) : null;

    public DuplicateGroup? NearGroupOf(ulong perceptualHash) =>
        nearSets.TryGetValue(perceptualHash, out var size) ? new DuplicateGroup($"near-{ImageHashes.ToHex(perceptualHash)}", size) : null;
}
