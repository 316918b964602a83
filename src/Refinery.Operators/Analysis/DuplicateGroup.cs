namespace Refinery.Operators.Analysis;

/// <summary>A set of samples sharing a hash: its id (<c>exact-&lt;hash&gt;</c> or <c>near-&lt;phash&gt;</c>) and its size.</summary>
public sealed record DuplicateGroup(string Id, int Size)
{
    /// <summary>cleanvision's score for a member: 1/|set|.</summary>
    public double Score => 1.0 / Size;
}
