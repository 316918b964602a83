using System.Text.Json.Nodes;
using Refinery.Imaging.Analysis;
using Refinery.Operators.Analysis;
using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Cleaning;

/// <summary>
/// The dataset stage of <c>QualityFilter</c>: removes every sample flagged with one of the chosen issues, by the scores
/// the analysis sample stage recorded. The dataset-level issues need one read first: odd_size's fences from the
/// dataset's sizes, and the duplicate sets, of which the first member in input order that nothing else removes stays
/// and the others go as its copies. Memory: the size sketch and 16 bytes of hashes per sample.
/// </summary>
public sealed class QualityFilterStage(QualityFilterParams parameters, long maxImagePixels) : IDatasetStage
{
    public async Task<JsonObject?> DecideAsync(
        Func<IAsyncEnumerable<StagedSample>> samples,
        Func<SampleDecision, CancellationToken, ValueTask> decide,
        CancellationToken cancellationToken)
    {
        var (fences, groups) = await MeasureDatasetAsync(samples, cancellationToken);
        var keepers = new Dictionary<string, string>(StringComparer.Ordinal); // duplicate set id → the source it keeps
        var removedByIssue = parameters.Issues.ToDictionary(check => check.Issue, _ => 0L, StringComparer.Ordinal);
        long kept = 0, removed = 0;
        await foreach (var sample in samples().WithCancellation(cancellationToken))
        {
            if (Measured(sample) is not { } measured)
            {
                continue;
            }

            var findings = PerImageFindings(sample.Record, measured, fences);
            if (findings.Count == 0 && groups is not null)
            {
                AddDuplicate(findings, keepers, QualityChecks.ExactDuplicates, groups.ExactGroupOf(measured.ExactHash), sample.OriginSource);
                AddDuplicate(findings, keepers, QualityChecks.NearDuplicates, groups.NearGroupOf(measured.PerceptualHash), sample.OriginSource);
            }

            if (findings.Count == 0)
            {
                kept++;
                continue;
            }

            removed++;
            findings.ForEach(finding => removedByIssue[finding.Issue]++);
            await decide(SampleDecision.RemoveForIssues(sample.Ordinal, QualityFilter.OperatorName, findings), cancellationToken);
        }

        var byIssue = new JsonObject();
        foreach (var (issue, count) in removedByIssue)
        {
            byIssue[issue] = count;
        }

        return new JsonObject { ["kept_count"] = kept, ["removed_count"] = removed, ["removed_by_issue"] = byIssue };
    }

    /// <summary>The dataset-level facts the chosen issues need (fences, duplicate sets), in one read; nulls when none does.</summary>
    private async Task<(OddSizeFences? Fences, DuplicateGroups? Groups)> MeasureDatasetAsync(
        Func<IAsyncEnumerable<StagedSample>> samples, CancellationToken cancellationToken)
    {
        var wantsSizes = parameters.Removes(QualityChecks.OddSize);
        var wantsDuplicates = parameters.Removes(QualityChecks.ExactDuplicates) || parameters.Removes(QualityChecks.NearDuplicates);
        if (!wantsSizes && !wantsDuplicates)
        {
            return (null, null);
        }

        var sizes = new OddSizeSketch(maxImagePixels);
        var duplicates = new DuplicateIndex();
        await foreach (var sample in samples().WithCancellation(cancellationToken))
        {
            if (Measured(sample) is { } measured)
            {
                sizes.Add(measured.Size);
                duplicates.Add(measured.ExactHash, measured.PerceptualHash);
            }
        }

        return (wantsSizes ? sizes.Fences() : null, wantsDuplicates ? duplicates.Build() : null);
    }

    private List<IssueFinding> PerImageFindings(SampleRecord record, Measurement measured, OddSizeFences? fences)
    {
        var findings = new List<IssueFinding>();
        foreach (var check in QualityChecks.PerImage)
        {
            if (parameters.Removes(check) && record.TryGet(AnalysisRecordKeys.Score(check), out var score))
            {
                AddIfFlagged(findings, check, score, parameters.ThresholdOf(check, check.DefaultThreshold));
            }
        }

        if (fences is not null)
        {
            AddIfFlagged(findings, QualityChecks.OddSize, fences.Score(measured.Size), parameters.ThresholdOf(QualityChecks.OddSize, fences.Threshold));
        }

        return findings;
    }

    private void AddDuplicate(List<IssueFinding> findings, Dictionary<string, string> keepers, QualityCheck check, DuplicateGroup? group, string source)
    {
        if (group is null || !parameters.Removes(check))
        {
            return;
        }

        if (!keepers.TryGetValue(group.Id, out var original))
        {
            keepers[group.Id] = source;
            return;
        }

        var threshold = parameters.ThresholdOf(check, check.DefaultThreshold);
        if (check.IsFlagged(group.Score, threshold))
        {
            findings.Add(new IssueFinding(check.Issue, group.Score, threshold, original));
        }
    }

    private static void AddIfFlagged(List<IssueFinding> findings, QualityCheck check, double score, double threshold)
    {
        if (check.IsFlagged(score, threshold))
        {
            findings.Add(new IssueFinding(check.Issue, score, threshold));
        }
    }

    /// <summary>What the analysis stage recorded of a sample still in the dataset; null for one it could not measure.</summary>
    private static Measurement? Measured(StagedSample sample) =>
        sample.Alive
        && sample.Record.TryGet(AnalysisRecordKeys.Width, out var width)
        && sample.Record.TryGet(AnalysisRecordKeys.Height, out var height)
        && sample.Record.TryGet(AnalysisRecordKeys.ExactHash, out var exact)
        && sample.Record.TryGet(AnalysisRecordKeys.PerceptualHash, out var perceptual)
            ? new Measurement(QualityKernels.SizeValue((int)width, (int)height), exact, perceptual)
            : null;

    private readonly record struct Measurement(double Size, ulong ExactHash, ulong PerceptualHash);
}
