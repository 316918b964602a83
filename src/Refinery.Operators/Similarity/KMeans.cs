using System.Numerics.Tensors;

namespace Refinery.Operators.Similarity;

/// <summary>
/// k-means: k-means++ seeding from a seeded RNG (each next centre drawn with probability proportional to its squared
/// distance from the nearest chosen one), then Lloyd iterations until no assignment changes or the iteration cap.
/// Deterministic for a seed: assignment runs in parallel but each sample's is computed alone, and centroids are summed
/// in input order on one thread. An emptied cluster keeps its previous centroid.
/// </summary>
public static class KMeans
{
    /// <summary>Lloyd iterations at most: later ones move few samples, and RRD and PCC need a sensible split, not the optimum.</summary>
    public const int MaxIterations = 25;

    public static KMeansClustering Fit(
        EmbeddingMatrix data, int clusterCount, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusterCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clusterCount, data.Count);
        var centroids = SeedCentroids(data, clusterCount, new Random(seed), cancellationToken);
        var assignments = new int[data.Count];
        var previous = new int[data.Count];
        var scores = new float[data.Count];
        Array.Fill(previous, -1);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            NearestReference.Find(data, centroids, HalfNegativeSquaredNorms(centroids), assignments, scores, cancellationToken);
            if (assignments.AsSpan().SequenceEqual(previous))
            {
                break;
            }

            centroids = Recentre(data, assignments, centroids);
            (previous, assignments) = (assignments, previous);
        }

        // The last iteration either converged (assignments match the centroids) or hit the cap; assign once more so
        // the returned assignment is the nearest centroid of the returned centroids either way.
        NearestReference.Find(data, centroids, HalfNegativeSquaredNorms(centroids), assignments, scores, cancellationToken);
        return new KMeansClustering(centroids, assignments);
    }

    private static EmbeddingMatrix SeedCentroids(EmbeddingMatrix data, int clusterCount, Random random, CancellationToken cancellationToken)
    {
        var chosen = new int[clusterCount];
        chosen[0] = random.Next(data.Count);
        var nearestSquared = new float[data.Count];
        Array.Fill(nearestSquared, float.PositiveInfinity);
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        for (var next = 1; next < clusterCount; next++)
        {
            var centre = chosen[next - 1];
            Parallel.For(0, data.Count, options, sample =>
            {
                var distance = TensorPrimitives.Distance(data.Row(sample), data.Row(centre));
                nearestSquared[sample] = Math.Min(nearestSquared[sample], distance * distance);
            });
            chosen[next] = Draw(nearestSquared, random);
        }

        return data.Gather(chosen);
    }

    /// <summary>An index drawn with probability proportional to its weight; uniform when every weight is zero.</summary>
    private static int Draw(float[] weights, Random random)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        if (total <= 0)
        {
            return random.Next(weights.Length);
        }

        var target = random.NextDouble() * total;
        var cumulative = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            if (cumulative > target && weights[i] > 0)
            {
                return i;
            }
        }

        return Array.FindLastIndex(weights, weight => weight > 0);
    }

    private static float[] HalfNegativeSquaredNorms(EmbeddingMatrix centroids)
    {
        var bias = new float[centroids.Count];
        for (var cluster = 0; cluster < bias.Length; cluster++)
        {
            var row = centroids.Row(cluster);
            bias[cluster] = -0.5f * TensorPrimitives.Dot(row, row);
        }

        return bias;
    }

    private static EmbeddingMatrix Recentre(EmbeddingMatrix data, int[] assignments, EmbeddingMatrix previous)
    {
        var dimension = data.Dimension;
        var sums = new float[previous.Values.Length];
        var counts = new int[previous.Count];
        for (var sample = 0; sample < data.Count; sample++)
        {
            var cluster = assignments[sample];
            var sum = sums.AsSpan(cluster * dimension, dimension);
            TensorPrimitives.Add(sum, data.Row(sample), sum);
            counts[cluster]++;
        }

        for (var cluster = 0; cluster < counts.Length; cluster++)
        {
            var sum = sums.AsSpan(cluster * dimension, dimension);
            if (counts[cluster] == 0)
            {
                previous.Row(cluster).CopyTo(sum);
            }
            else
            {
                TensorPrimitives.Divide(sum, counts[cluster], sum);
            }
        }

        return new EmbeddingMatrix(sums, dimension);
    }
}
