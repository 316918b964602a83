namespace Refinery.Catalog.Records;

/// <summary>
/// A duty only one process may carry out at a time (the reconciler): held by <see cref="Holder"/> until
/// <see cref="ExpiresAt"/>, renewed by its holder, taken by anyone once it has expired.
/// </summary>
public sealed class LeaseRecord
{
    public required string Name { get; set; }

    public required string Holder { get; set; }

    public long ExpiresAt { get; set; }
}
