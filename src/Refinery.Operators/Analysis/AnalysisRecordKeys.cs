using Refinery.Imaging.Analysis;
using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Analysis;

/// <summary>The typed values the analysis sample stage records for dataset stages (quality filtering, duplicate sets).</summary>
public static class AnalysisRecordKeys
{
    public static RecordKey<long> Width { get; } = new(AnalysisValueKeys.Width);

    public static RecordKey<long> Height { get; } = new(AnalysisValueKeys.Height);

    public static RecordKey<ulong> ExactHash { get; } = new(AnalysisValueKeys.ExactHash);

    public static RecordKey<ulong> PerceptualHash { get; } = new(AnalysisValueKeys.PerceptualHash);

    /// <summary>A per-image check's score (0..1, lower is worse).</summary>
    public static RecordKey<double> Score(QualityCheck check) => new(check.ScoreKey);
}
