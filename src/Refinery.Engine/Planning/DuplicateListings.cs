using Refinery.Domain;

namespace Refinery.Engine.Planning;

/// <summary>
/// Recognises a sample listed more than once in a version's inputs (the same source twice in a manifest, one folder
/// named twice): the first listing is planned, later ones are only counted. Keeps the 16-byte sample id of every
/// sample seen (about 40 bytes each with the set's overhead), never the samples themselves.
/// </summary>
public sealed class DuplicateListings
{
    private readonly HashSet<UInt128> _seen = [];
    private readonly Dictionary<UInt128, int> _listings = [];

    /// <summary>True for the first listing of <paramref name="sample"/>'s source; false, and counted, for every later one.</summary>
    public bool IsFirstListing(Sample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var digest = SampleIds.DigestOf(sample.Source);
        if (_seen.Add(digest))
        {
            return true;
        }

        _listings[digest] = _listings.GetValueOrDefault(digest, 1) + 1;
        return false;
    }

    /// <summary>Every sample listed more than once, with how many times it was listed.</summary>
    public IEnumerable<DuplicateListing> Duplicates =>
        _listings.Select(pair => new DuplicateListing(SampleIds.ToId(pair.Key), pair.Value));
}
