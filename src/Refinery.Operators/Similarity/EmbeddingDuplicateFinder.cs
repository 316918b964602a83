using System.Numerics;
using System.Numerics.Tensors;

namespace Refinery.Operators.Similarity;

/// <summary>
/// Groups L2-normalised embeddings whose cosine similarity is at least a threshold. Candidates come from
/// random-hyperplane locality-sensitive hashing: each of L tables keys a sample by the signs of b projections, and
/// two vectors at angle θ share a key with probability (1 − θ/π)^b, so a pair is missed by all tables with
/// probability (1 − (1 − θ/π)^b)^L. Every candidate is verified with an exact SIMD dot product, so nothing is grouped
/// wrongly; what the index trades is recall against time. More bits per table shrink the buckets (fewer unrelated
/// candidates, exponentially) but make a true pair collide less often; more tables restore that recall at a linear
/// cost in projections and sorts. <see cref="HyperplaneLshOptions.Plan"/> picks L and b for the data at hand so a
/// pair exactly at the threshold is missed with probability 0.5 % (pairs above it far less).
/// Hyperplanes pass through the data's mean rather than the origin: embeddings that lie in one cone (a CNN's
/// non-negative features, cosine 0.6–0.8 between unrelated images) would otherwise agree on most bits and fill the
/// buckets with unrelated pairs. Centring costs angle (a near pair's centred vectors are shorter, so further apart in
/// angle), which the plan pays for with more tables of fewer bits.
/// </summary>
public sealed class EmbeddingDuplicateFinder(int seed = EmbeddingDuplicateFinder.DefaultSeed)
{
    public const int DefaultSeed = 20_260_701;

    /// <summary>
    /// How far below 1 the float dot product of a unit vector with itself may land (512 rounded products): thresholds
    /// are capped at 1 minus this, so that at a threshold of 1 identical embeddings are still duplicates.
    /// </summary>
    public const float DotProductRounding = 1e-5f;

    public DuplicateGrouping Find(EmbeddingMatrix embeddings, float similarityThreshold, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(similarityThreshold, 0f);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(similarityThreshold, 1f);
        var threshold = Math.Min(similarityThreshold, 1 - DotProductRounding);
        var mean = Mean(embeddings);
        var options = HyperplaneLshOptions.Plan(embeddings.Count, threshold, CentredSpread(embeddings, mean));
        var signatures = Signatures(embeddings, mean, options, cancellationToken);
        return CandidatePairSearch.Run(new SignatureTables(embeddings, signatures, options.Tables, threshold), cancellationToken);
    }

    /// <summary>For each sample, one key per table: bit j is whether the sample lies above hyperplane j of that table.</summary>
    private uint[] Signatures(EmbeddingMatrix embeddings, float[] mean, HyperplaneLshOptions options, CancellationToken cancellationToken)
    {
        var dimension = embeddings.Dimension;
        var planeCount = options.Tables * options.BitsPerTable;
        var planes = new float[planeCount * dimension];
        GaussianRandom.Fill(new Random(seed), planes);
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

    /// <summary>The mean squared distance from the mean: 1 − ‖mean‖² for unit vectors, near 1 when they point every way.</summary>
    private static double CentredSpread(EmbeddingMatrix embeddings, float[] mean)
    {
        var total = 0.0;
        for (var sample = 0; sample < embeddings.Count; sample++)
        {
            var distance = TensorPrimitives.Distance(embeddings.Row(sample), mean);
            total += distance * (double)distance;
        }

        return embeddings.Count > 0 ? total / embeddings.Count : 0;
    }

    private readonly struct SignatureTables(EmbeddingMatrix embeddings, uint[] signatures, int tables, float threshold) : ICandidateTables
    {
        public int SampleCount => embeddings.Count;

        public int TableCount => tables;

        public ulong Key(int sample, int table) => signatures[(sample * tables) + table];

        public bool AgreeBefore(int first, int second, int table)
        {
            // A sample's keys are adjacent, so this is a vectorised scan for an equal lane over two short rows.
            var a = signatures.AsSpan(first * tables, table);
            var b = signatures.AsSpan(second * tables, table);
            var lane = 0;
            for (; lane + Vector<uint>.Count <= table; lane += Vector<uint>.Count)
            {
                if (Vector.EqualsAny(new Vector<uint>(a[lane..]), new Vector<uint>(b[lane..])))
                {
                    return true;
                }
            }

            for (; lane < table; lane++)
            {
                if (a[lane] == b[lane])
                {
                    return true;
                }
            }

            return false;
        }

        public bool Verify(int first, int second, out float similarity)
        {
            similarity = TensorPrimitives.Dot(embeddings.Row(first), embeddings.Row(second));
            return similarity >= threshold;
        }
    }
}
