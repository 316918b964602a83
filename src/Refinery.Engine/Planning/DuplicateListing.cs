namespace Refinery.Engine.Planning;

/// <summary>A sample listed more than once in a version's inputs: processed once, its result says how often it was listed.</summary>
public sealed record DuplicateListing(string SampleId, int Listings)
{
    /// <summary>The note added to the sample's result.</summary>
    public string Description => $"listed {Listings} times in the inputs; processed once, at its first listing";
}
