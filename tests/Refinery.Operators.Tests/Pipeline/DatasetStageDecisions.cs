using System.Text.Json.Nodes;
using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Tests.Pipeline;

/// <summary>Runs a dataset stage over samples made in the test and collects its decisions, in the order it took them.</summary>
public static class DatasetStageDecisions
{
    public static async Task<List<SampleDecision>> OfAsync(IDatasetStage stage, params StagedSample[] samples) =>
        (await RunAsync(stage, samples)).Decisions;

    /// <summary>The stage's decisions and its dataset-level result.</summary>
    public static async Task<(List<SampleDecision> Decisions, JsonObject? Result)> RunAsync(IDatasetStage stage, params StagedSample[] samples)
    {
        var decisions = new List<SampleDecision>();
        var result = await stage.DecideAsync(
            () => samples.ToAsyncEnumerable(),
            (decision, _) =>
            {
                decisions.Add(decision);
                return ValueTask.CompletedTask;
            },
            CancellationToken.None);
        return (decisions, result);
    }
}
