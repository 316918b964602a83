using System.Text.Json.Nodes;
using Refinery.Operators.Pipeline;
using Refinery.Operators.Similarity;

namespace Refinery.Operators.Selection;

/// <summary>
/// The dataset stage of <c>SimDeduplication</c>: loads the pass's embeddings (2 KB a sample) or hashes (8 bytes), groups
/// them (locality-sensitive hashing or multi-index hashing, every candidate verified exactly; union–find), and removes
/// every sample but the first of its group, naming that first sample and their similarity. Grouping is transitive,
/// so that similarity may be below the threshold; the pair that joined the group is at least at it.
/// </summary>
public sealed class SimDeduplicationStage(SimDeduplicationParams parameters) : IDatasetStage
{
    public async Task<JsonObject?> DecideAsync(
        Func<IAsyncEnumerable<StagedSample>> samples,
        Func<SampleDecision, CancellationToken, ValueTask> decide,
        CancellationToken cancellationToken)
    {
        var inputs = parameters.Method == SimDeduplicationMethod.Embedding
            ? await StagedSimilarityInputs.LoadEmbeddingsAsync(samples, cancellationToken)
            : await StagedSimilarityInputs.LoadPerceptualHashesAsync(samples, cancellationToken);
        var grouping = inputs.Embeddings is { } embeddings
            ? new EmbeddingDuplicateFinder().Find(embeddings, (float)parameters.SimilarityThreshold, cancellationToken)
            : PerceptualHashDuplicateFinder.Find(inputs.Hashes!, parameters.SimilarityThreshold, cancellationToken);

        var removed = Enumerable.Range(0, inputs.Count).Where(row => !grouping.IsKept(row)).ToList();
        var names = await inputs.NamesAsync(samples, removed.Select(grouping.KeptSampleOf), cancellationToken);
        foreach (var row in removed)
        {
            var kept = grouping.KeptSampleOf(row);
            await decide(
                SampleDecision.RemoveAsDuplicate(inputs.Ordinals[row], SimDeduplication.OperatorName, names[kept], inputs.Similarity(row, kept)),
                cancellationToken);
        }

        return new JsonObject
        {
            ["method"] = parameters.Method == SimDeduplicationMethod.Embedding ? "embedding" : "phash",
            ["simlarity_threshold"] = parameters.SimilarityThreshold,
            ["kept_count"] = inputs.Count - removed.Count,
            ["removed_count"] = removed.Count,
            ["duplicate_group_count"] = grouping.Groups.Count,
        };
    }
}
