namespace Refinery.TestSupport;

/// <summary>
/// Unit vectors with planted near-duplicates, for similarity tests and benchmarks: each sample is, with probability
/// <c>duplicateFraction</c>, a copy of an earlier sample plus noise sized so its cosine to that sample is drawn
/// uniformly from [<c>minSimilarity</c>, 1] (the boundary of the default 0.9 threshold included), then re-normalised;
/// otherwise a fresh vector. <c>Isotropic</c> vectors are Gaussian (unrelated ones nearly orthogonal); <c>Cone</c>
/// vectors are absolute values of Gaussians, non-negative like a CNN's pooled features (unrelated cosine about 0.64).
/// </summary>
public static class SyntheticEmbeddings
{
    public enum Shape
    {
        Isotropic,
        Cone,
    }

    public static float[] WithPlantedDuplicates(
        int count, int dimension, double duplicateFraction, double minSimilarity, Shape shape, int seed)
    {
        var random = new Random(seed);
        var values = new float[count * dimension];
        var noise = new float[dimension];
        for (var sample = 0; sample < count; sample++)
        {
            var row = values.AsSpan(sample * dimension, dimension);
            if (sample > 0 && random.NextDouble() < duplicateFraction)
            {
                // Noise of norm ε nearly orthogonal to a unit vector gives cosine 1/√(1 + ε²).
                var target = minSimilarity + ((1 - minSimilarity) * random.NextDouble());
                var epsilon = Math.Sqrt((1 / (target * target)) - 1);
                Gaussians(random, noise, epsilon / Math.Sqrt(dimension));
                var original = values.AsSpan(random.Next(sample) * dimension, dimension);
                for (var i = 0; i < dimension; i++)
                {
                    row[i] = original[i] + noise[i];
                }
            }
            else
            {
                Gaussians(random, row, 1.0);
                if (shape == Shape.Cone)
                {
                    for (var i = 0; i < dimension; i++)
                    {
                        row[i] = Math.Abs(row[i]);
                    }
                }
            }

            Normalise(row);
        }

        return values;
    }

    /// <summary>Unit vectors around <c>clusters</c> well-separated centres (every sample within cosine ~0.8 of its own).</summary>
    public static float[] Clustered(int count, int dimension, int clusters, int seed, out int[] clusterOf)
    {
        var random = new Random(seed);
        var centres = new float[clusters * dimension];
        Gaussians(random, centres, 1.0);
        var values = new float[count * dimension];
        clusterOf = new int[count];
        var spread = 0.75 / Math.Sqrt(dimension);
        for (var sample = 0; sample < count; sample++)
        {
            var cluster = random.Next(clusters);
            clusterOf[sample] = cluster;
            var row = values.AsSpan(sample * dimension, dimension);
            Gaussians(random, row, spread);
            var centre = centres.AsSpan(cluster * dimension, dimension);
            var centreNorm = Norm(centre);
            for (var i = 0; i < dimension; i++)
            {
                row[i] += (float)(centre[i] / centreNorm);
            }

            Normalise(row);
        }

        return values;
    }

    private static void Gaussians(Random random, Span<float> values, double deviation)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            values[i] = (float)(deviation * radius * Math.Cos(2.0 * Math.PI * random.NextDouble()));
        }
    }

    private static double Norm(ReadOnlySpan<float> row)
    {
        var sum = 0.0;
        foreach (var value in row)
        {
            sum += value * (double)value;
        }

        return Math.Sqrt(sum);
    }

    private static void Normalise(Span<float> row)
    {
        var norm = Norm(row);
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = (float)(row[i] / norm);
        }
    }
}
