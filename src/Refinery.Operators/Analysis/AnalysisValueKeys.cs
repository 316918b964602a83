namespace Refinery.Operators.Analysis;

/// <summary>
/// Keys of the per-sample values analysis keeps besides feature ids and <c>&lt;issue&gt;_score</c> /
/// <c>is_&lt;issue&gt;_issue</c> (see <see cref="Imaging.Analysis.QualityCheck"/>).
/// </summary>
public static class AnalysisValueKeys
{
    public const string Failed = "failed";
    public const string Reason = "reason";
    public const string Width = "width";
    public const string Height = "height";
    public const string Usage = "usage";
    public const string ExactHash = "exact_hash";
    public const string PerceptualHash = "phash";
    public const string ExactDuplicateGroup = "exact_duplicates_group";
    public const string ExactDuplicateGroupSize = "exact_duplicates_group_size";
    public const string NearDuplicateGroup = "near_duplicates_group";
    public const string NearDuplicateGroupSize = "near_duplicates_group_size";
}
