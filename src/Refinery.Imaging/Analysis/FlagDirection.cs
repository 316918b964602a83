namespace Refinery.Imaging.Analysis;

/// <summary>Which side of its threshold a score must fall on for a sample to be flagged.</summary>
public enum FlagDirection
{
    /// <summary>Flagged when score &lt; threshold (cleanvision's rule for all its issue types: 1 means no issue).</summary>
    Below,

    /// <summary>Flagged when score &gt; threshold.</summary>
    Above,
}
