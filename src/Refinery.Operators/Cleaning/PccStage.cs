using System.Text.Json.Nodes;
using Refinery.Imaging.Embeddings;
using Refinery.Operators.Pipeline;
using Refinery.Operators.Selection;
using Refinery.Operators.Similarity;

namespace Refinery.Operators.Cleaning;

/// <summary>
/// The dataset stage of <c>PCC</c>: embeds the prototype and criticism images once, builds the prototype centroids, then
/// streams the pass's embeddings in blocks and removes each sample unlike the prototypes (naming the nearest one and
/// their distance) or like a criticism image (naming it). Memory holds the references and one block, never the pass.
/// </summary>
public sealed class PccStage(PccParams parameters, OperatorContext context) : IDatasetStage
{
    /// <summary>Samples judged together: 1 MB of float32 rows, enough for the blocked nearest-reference search to pay.</summary>
    private const int BlockSize = 512;

    /// <summary>k-means starts from a fixed seed so that a run repeated after a crash builds the same centroids.</summary>
    private const int ClusterSeed = 0;

    public async Task<JsonObject?> DecideAsync(
        Func<IAsyncEnumerable<StagedSample>> samples,
        Func<SampleDecision, CancellationToken, ValueTask> decide,
        CancellationToken cancellationToken)
    {
        var prototypes = await ReferenceEmbeddings.EmbedAsync(parameters.Prototypes, context, cancellationToken);
        if (prototypes.Names.Count == 0)
        {
            throw new InvalidOperationException(
                $"none of the prototype images in {parameters.Prototypes.Path.ToUri()} could be read: "
                + string.Join("; ", prototypes.Unreadable.Select(image => $"{image.Name}: {image.Reason}")));
        }

        var criticisms = parameters.Criticisms is { } folder ? await ReferenceEmbeddings.EmbedAsync(folder, context, cancellationToken) : null;
        var filter = new PrototypeCriticismFilter(
            prototypes.Matrix, criticisms?.Matrix, parameters.ClusterCount, (float)parameters.SimilarityThreshold,
            (float)parameters.EmbeddingDistance, ClusterSeed, cancellationToken);

        var judge = new BlockJudge(parameters, filter, prototypes, criticisms, decide);
        await foreach (var (sample, encoded) in StagedSimilarityInputs.Embedded(samples, cancellationToken))
        {
            await judge.AddAsync(sample.Ordinal, encoded, cancellationToken);
        }

        await judge.FlushAsync(cancellationToken);
        return new JsonObject
        {
            ["prototype_count"] = prototypes.Names.Count,
            ["criticism_count"] = criticisms?.Names.Count ?? 0,
            ["cluster_count"] = filter.Centroids.Count,
            ["simlarity_threshold"] = parameters.SimilarityThreshold,
            ["embedding_distance"] = parameters.EmbeddingDistance,
            ["kept_count"] = judge.KeptCount,
            ["removed_count"] = judge.RemovedCount,
            ["unreadable_references"] = new JsonArray(
                [.. prototypes.Unreadable.Concat(criticisms?.Unreadable ?? []).Select(image => (JsonNode)new JsonObject { ["path"] = image.Name, ["reason"] = image.Reason })]),
        };
    }

    /// <summary>Collects a block of samples' embeddings, judges the block at once, and decides its samples in input order.</summary>
    private sealed class BlockJudge(
        PccParams parameters,
        PrototypeCriticismFilter filter,
        ReferenceEmbeddings prototypes,
        ReferenceEmbeddings? criticisms,
        Func<SampleDecision, CancellationToken, ValueTask> decide)
    {
        private readonly long[] _ordinals = new long[BlockSize];
        private readonly float[] _values = new float[BlockSize * ImageEmbedder.Dimensions];
        private int _count;

        public int KeptCount { get; private set; }

        public int RemovedCount { get; private set; }

        public async ValueTask AddAsync(long ordinal, byte[] encoded, CancellationToken cancellationToken)
        {
            _ordinals[_count] = ordinal;
            EmbeddingCodec.Decode(encoded).CopyTo(_values, _count * ImageEmbedder.Dimensions);
            if (++_count == BlockSize)
            {
                await FlushAsync(cancellationToken);
            }
        }

        public async ValueTask FlushAsync(CancellationToken cancellationToken)
        {
            if (_count == 0)
            {
                return;
            }

            var block = new EmbeddingMatrix(_values[..(_count * ImageEmbedder.Dimensions)], ImageEmbedder.Dimensions);
            var judgements = filter.Judge(block, cancellationToken);
            for (var row = 0; row < _count; row++)
            {
                var judgement = judgements[row];
                if (judgement.Kept)
                {
                    KeptCount++;
                    continue;
                }

                RemovedCount++;
                await decide(Removal(_ordinals[row], judgement), cancellationToken);
            }

            _count = 0;
        }

        private SampleDecision Removal(long ordinal, PrototypeJudgement judgement)
        {
            if (!judgement.LikePrototypes)
            {
                var centroid = judgement.NearestCentroid.Sample;
                var nearest = filter.CentroidsArePrototypes ? prototypes.Names[centroid] : $"prototype cluster {centroid}";
                return SampleDecision.RemoveForDistance(
                    ordinal, Pcc.OperatorName, nearest, judgement.NearestCentroid.Similarity, parameters.SimilarityThreshold, parameters.EmbeddingDistance);
            }

            var criticism = judgement.NearestCriticism!.Value;
            return SampleDecision.RemoveAsCriticised(ordinal, Pcc.OperatorName, criticisms!.Names[criticism.Sample], criticism.Similarity);
        }
    }
}
