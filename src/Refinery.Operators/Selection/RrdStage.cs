using System.Text.Json.Nodes;
using Refinery.Operators.Pipeline;
using Refinery.Operators.Similarity;

namespace Refinery.Operators.Selection;

/// <summary>
/// The dataset stage of <c>RRD</c>: loads the pass's embeddings, selects the kept samples
/// (<see cref="RedundancyReduction"/>, seeded, so a rerun after a crash keeps the same ones) and removes the others, each
/// naming the nearest kept sample of its cluster and their cosine distance.
/// </summary>
public sealed class RrdStage(RrdParams parameters) : IDatasetStage
{
    /// <summary>k-means' seed: fixed, so the same samples always give the same clusters.</summary>
    public const int Seed = 20_260_702;

    public async Task<JsonObject?> DecideAsync(
        Func<IAsyncEnumerable<StagedSample>> samples,
        Func<SampleDecision, CancellationToken, ValueTask> decide,
        CancellationToken cancellationToken)
    {
        var inputs = await StagedSimilarityInputs.LoadEmbeddingsAsync(samples, cancellationToken);
        var selection = RedundancyReduction.Select(inputs.Embeddings!, parameters.SampleRatio, parameters.ClusterCount, Seed, cancellationToken);
        var removed = Enumerable.Range(0, inputs.Count).Where(row => !selection.IsKept(row)).ToList();
        var names = await inputs.NamesAsync(
            samples, removed.Select(selection.NearestKept).OfType<SimilarMatch>().Select(match => match.Sample), cancellationToken);
        foreach (var row in removed)
        {
            var nearest = selection.NearestKept(row);
            await decide(
                SampleDecision.RemoveAsRedundant(
                    inputs.Ordinals[row], Rrd.OperatorName, nearest is { } match ? names[match.Sample] : null, 1 - nearest?.Similarity),
                cancellationToken);
        }

        return new JsonObject
        {
            ["sample_ratio"] = parameters.SampleRatio,
            ["cluster_count"] = inputs.Count == 0 ? 0 : Math.Min(inputs.Count, parameters.ClusterCount ?? RedundancyReduction.AutoClusterCount(inputs.Count)),
            ["kept_count"] = selection.KeptCount,
            ["removed_count"] = removed.Count,
        };
    }
}
