using System.Text.Json.Nodes;
using Refinery.Imaging.Analysis;

namespace Refinery.Operators.Analysis;

/// <summary>
/// Per-sample values only the reduce can know, to merge into the sample's stored values: its odd_size score and flag,
/// and which exact/near duplicate set it belongs to, so the results endpoint can say which images are duplicated.
/// </summary>
public sealed record SampleAmendment(
    string Key,
    double OddSizeScore,
    bool IsOddSize,
    DuplicateGroup? ExactDuplicates,
    DuplicateGroup? NearDuplicates)
{
    /// <summary>
    /// The line a sample's result description gains when the reduce flagged it for a dataset-level issue (odd size,
    /// duplicates), which the per-sample stage could not know; null when none applies.
    /// </summary>
    public static string? DescribeDatasetIssues(JsonObject values)
    {
        var issues = new List<string>(3);
        if (values[QualityChecks.OddSize.FlagKey]?.GetValue<bool>() == true)
        {
            issues.Add(QualityChecks.OddSize.Issue);
        }

        AddDuplicates(issues, values, QualityChecks.ExactDuplicates, AnalysisValueKeys.ExactDuplicateGroupSize);
        AddDuplicates(issues, values, QualityChecks.NearDuplicates, AnalysisValueKeys.NearDuplicateGroupSize);
        return issues.Count == 0 ? null : $"dataset-level quality issues: {string.Join(", ", issues)}";
    }

    /// <summary>The amendment as values keyed like the operator's (<c>odd_size_score</c>, <c>is_exact_duplicates_issue</c>, …).</summary>
    public JsonObject ToValues()
    {
        var values = new JsonObject
        {
            [QualityChecks.OddSize.ScoreKey] = OddSizeScore,
            [QualityChecks.OddSize.FlagKey] = IsOddSize,
            [QualityChecks.ExactDuplicates.ScoreKey] = ExactDuplicates?.Score ?? 1,
            [QualityChecks.ExactDuplicates.FlagKey] = ExactDuplicates is not null,
            [QualityChecks.NearDuplicates.ScoreKey] = NearDuplicates?.Score ?? 1,
            [QualityChecks.NearDuplicates.FlagKey] = NearDuplicates is not null,
        };
        if (ExactDuplicates is not null)
        {
            values[AnalysisValueKeys.ExactDuplicateGroup] = ExactDuplicates.Id;
            values[AnalysisValueKeys.ExactDuplicateGroupSize] = ExactDuplicates.Size;
        }

        if (NearDuplicates is not null)
        {
            values[AnalysisValueKeys.NearDuplicateGroup] = NearDuplicates.Id;
            values[AnalysisValueKeys.NearDuplicateGroupSize] = NearDuplicates.Size;
        }

        return values;
    }

    private static void AddDuplicates(List<string> issues, JsonObject values, QualityCheck check, string groupSizeKey)
    {
        if (values[check.FlagKey]?.GetValue<bool>() == true)
        {
            issues.Add($"{check.Issue} (one of {values[groupSizeKey]?.GetValue<int>()} images)");
        }
    }
}
