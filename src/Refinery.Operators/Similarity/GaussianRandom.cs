namespace Refinery.Operators.Similarity;

/// <summary>Standard normal draws from a seeded <see cref="Random"/> (Box–Muller), so a seed fixes every hyperplane.</summary>
internal static class GaussianRandom
{
    public static void Fill(Random random, Span<float> values)
    {
        for (var i = 0; i < values.Length; i += 2)
        {
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            var angle = 2.0 * Math.PI * random.NextDouble();
            values[i] = (float)(radius * Math.Cos(angle));
            if (i + 1 < values.Length)
            {
                values[i + 1] = (float)(radius * Math.Sin(angle));
            }
        }
    }
}
