namespace Refinery.Catalog.Records;

/// <summary>The outcome of one sample in one version, as the results endpoint serves it.</summary>
public sealed class SampleResultRecord
{
    public required string VersionId { get; set; }

    /// <summary>MD5 of the sample's source path.</summary>
    public required string SampleId { get; set; }

    /// <summary>The sample's position in the version's input order; results are paged in this order.</summary>
    public long Ordinal { get; set; }

    /// <summary>0 for an input sample; k for the k-th sample processing added from it, listed right after it.</summary>
    public int AddedIndex { get; set; }

    public required string OriginSource { get; set; }

    public string? NewSource { get; set; }

    public int ResultProperty { get; set; }

    /// <summary>The <c>result_description</c> array as JSON.</summary>
    public required string DescriptionJson { get; set; }

    /// <summary>Per-sample values (features, scores, hashes) as a JSON object, or null.</summary>
    public string? ValuesJson { get; set; }
}
