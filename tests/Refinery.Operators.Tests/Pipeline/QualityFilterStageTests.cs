using System.Text.Json.Nodes;
using Refinery.Imaging.Analysis;
using Refinery.Operators.Analysis;
using Refinery.Operators.Cleaning;
using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Tests.Pipeline;

/// <summary>QualityFilter's decisions from recorded scores and hashes, without images.</summary>
public sealed class QualityFilterStageTests
{
    [Fact]
    public async Task Of_an_exact_duplicate_set_the_first_stays_and_the_others_go_as_its_copies()
    {
        var decisions = await DecideAsync("""{"issues": "exact_duplicates"}""", Sample(0, exact: 1), Sample(1, exact: 2), Sample(2, exact: 1), Sample(3, exact: 1));

        Assert.Equal([2L, 3L], decisions.Select(decision => decision.Ordinal));
        Assert.All(decisions, decision => Assert.False(decision.Keep));
        Assert.Equal("obs://in/0.jpg", decisions[0].Values!["issues"]![0]!["duplicate_of"]!.GetValue<string>());
        Assert.Contains("exact_duplicates (score 0.3333 < 1, a copy of obs://in/0.jpg)", decisions[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lowered_threshold_keeps_what_the_default_would_remove()
    {
        var byDefault = await DecideAsync("""{"issues": "dark"}""", Sample(0, dark: 0.2));
        var lowered = await DecideAsync("""{"issues": "dark", "dark_threshold": "0.1"}""", Sample(0, dark: 0.2));

        Assert.Equal("removed by QualityFilter: dark (score 0.2 < 0.32)", Assert.Single(byDefault).Description);
        Assert.Empty(lowered);
    }

    [Fact]
    public async Task A_sample_a_stage_already_deleted_is_not_decided_about()
    {
        var decisions = await DecideAsync("""{"issues": "dark"}""", Sample(0, dark: 0.1) with { Alive = false });

        Assert.Empty(decisions);
    }

    private static StagedSample Sample(long ordinal, ulong? exact = null, double dark = 0.9)
    {
        var record = new SampleRecord()
            .Set(AnalysisRecordKeys.Width, 100L).Set(AnalysisRecordKeys.Height, 80L)
            .Set(AnalysisRecordKeys.ExactHash, exact ?? (ulong)(1000 + ordinal))
            .Set(AnalysisRecordKeys.PerceptualHash, (ulong)(5000 + ordinal))
            .Set(AnalysisRecordKeys.Score(QualityChecks.Dark), dark);
        return new StagedSample(ordinal, $"s{ordinal}", $"obs://in/{ordinal}.jpg", Alive: true, Values: null, record);
    }

    private static Task<List<SampleDecision>> DecideAsync(string paramsJson, params StagedSample[] samples) =>
        DatasetStageDecisions.OfAsync(
            new QualityFilterStage(QualityFilterParams.Parse(new OperatorParameters(JsonNode.Parse(paramsJson)!.AsObject())), 100_000_000), samples);
}
