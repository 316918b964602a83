using System.Numerics.Tensors;

namespace Refinery.Operators.Similarity;

/// <summary>
/// Groups L2-normalised embeddings whose cosine similarity is at least a threshold. Candidates come from
/// random-hyperplane locality-sensitive hashing: each of L tables keys a sample by the signs of b projections, and
/// two vectors at angle θ share a key with probability (1 − θ/π)^b, so a pair is missed by all tables with
/// probability (1 − (1 − θ/π)^b)^L. Every candidate is verified with an exact SIMD dot product, so nothing is grouped
/// wrongly; what the index trades is recall against time. More bits per table shrink the buckets (fewer unrelated
/// candidates, exponentially) but make a true pair collide less often; more tables restore that recall at a linear
/// cost in projections and sorts. Hyperplanes pass through the data's mean rather than the origin: embeddings that
/// lie in one cone (a CNN's non-negative features, cosine 0.6–0.8 between unrelated images) would otherwise share
/// most bits and fill the buckets, which centring spreads out.
/// </summary>
public sealed class EmbeddingDuplicateFinder(HyperplaneLshOptions options)
{
    public EmbeddingDuplicateFinder()
        : this(HyperplaneLshOptions.Default)
    {
    }

    public DuplicateGrouping Find(EmbeddingMatrix embeddings, float similarityThreshold, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(similarityThreshold, 0f);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(similarityThreshold, 1f);
        var signatures = Signatures(embeddings, cancellationToken);
        return CandidatePairSearch.Run(new SignatureTables(embeddings, signatures, options.Tables, similarityThreshold), cancellationToken);
    }

    /// <summary>For each sample, one key per table: bit j is whether the sample lies above hyperplane j of that table.</summary>
    private uint[] Signatures(EmbeddingMatrix embeddings, CancellationToken cancellationToken)
    {
        var dimension = embeddings.Dimension;
        var planeCount = options.Tables * options.BitsPerTable;
        var planes = new float[planeCount * dimension];
        GaussianRandom.Fill(new Random(options.Seed), planes);
        var mean = Mean(embeddings);
        var offsets = new float[planeCount];
        for (var plane = 0; plane < planeCount; plane++)
        {
            offsets[plane] = TensorPrimitives.Dot(planes.AsSpan(plane * dimension, dimension), mean);
        }

        var signatures = new uint[embeddings.Count * options.Tables];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, embeddings.Count, parallel, sample =>
        {
            var row = embeddings.Row(sample);
            for (var table = 0; table < options.Tables; table++)
            {
                var key = 0u;
                for (var bit = 0; bit < options.BitsPerTable; bit++)
                {
                    var plane = (table * options.BitsPerTable) + bit;
                    if (TensorPrimitives.Dot(row, planes.AsSpan(plane * dimension, dimension)) > offsets[plane])
                    {
                        key |= 1u << bit;
                    }
                }

                signatures[(sample * options.Tables) + table] = key;
            }
        });
        return signatures;
    }

    private static float[] Mean(EmbeddingMatrix embeddings)
    {
        var mean = new float[embeddings.Dimension];
        for (var sample = 0; sample < embeddings.Count; sample++)
        {
            TensorPrimitives.Add(mean, embeddings.Row(sample), mean);
        }

        if (embeddings.Count > 0)
        {
            TensorPrimitives.Divide(mean, embeddings.Count, mean);
        }

        return mean;
    }

    private readonly struct SignatureTables(EmbeddingMatrix embeddings, uint[] signatures, int tables, float threshold) : ICandidateTables
    {
        public int SampleCount => embeddings.Count;

        public int TableCount => tables;

        public ulong Key(int sample, int table) => signatures[(sample * tables) + table];

        public bool Verify(int first, int second, out float similarity)
        {
            similarity = TensorPrimitives.Dot(embeddings.Row(first), embeddings.Row(second));
            return similarity >= threshold;
        }
    }
}
