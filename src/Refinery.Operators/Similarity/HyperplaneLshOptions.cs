namespace Refinery.Operators.Similarity;

/// <summary>
/// The shape of <see cref="EmbeddingDuplicateFinder"/>'s index: <paramref name="Tables"/> hash tables of
/// <paramref name="BitsPerTable"/> random-hyperplane bits each (0 bits: one table holding everything, an exact
/// pairwise comparison).
/// </summary>
public sealed record HyperplaneLshOptions(int Tables, int BitsPerTable)
{
    /// <summary>The chance that all tables miss a pair exactly at the threshold; pairs above it are missed less.</summary>
    public const double MissAtThreshold = 0.005;

    private const int MaxTables = 256;
    private const int MaxBits = 24;

    /// <summary>
    /// The cheapest shape that finds a pair at the threshold with probability 1 − <see cref="MissAtThreshold"/>.
    /// Hyperplanes pass through the data's mean, so what matters is the angle between centred vectors: for unit
    /// vectors whose centred squared norms average <paramref name="centredSpread"/>, a pair at cosine t sits at centred
    /// cosine about 1 − (1 − t)/spread, and collides in one bit with probability 1 − angle/π. Cost is counted in dot
    /// products: L·b·N projections plus L·N²/2·2^−b candidates (unrelated pairs, near-orthogonal once centred). When no
    /// shape beats comparing all N²/2 pairs (few samples, or a threshold so low the centred cosine is not positive),
    /// the plan is that comparison.
    /// </summary>
    public static HyperplaneLshOptions Plan(int count, float threshold, double centredSpread)
    {
        var bruteForce = new HyperplaneLshOptions(Tables: 1, BitsPerTable: 0);
        var pairs = (double)count * (count - 1) / 2;
        var centredCosine = centredSpread > 0 ? 1 - ((1 - threshold) / centredSpread) : 0;
        if (centredCosine <= 0)
        {
            return bruteForce;
        }

        var bitCollision = 1 - (Math.Acos(Math.Min(1, centredCosine)) / Math.PI);
        var best = bruteForce;
        var bestCost = pairs;
        for (var bits = 1; bits <= MaxBits; bits++)
        {
            var tableCollision = Math.Pow(bitCollision, bits);
            var tables = tableCollision >= 1 ? 1 : (int)Math.Ceiling(Math.Log(MissAtThreshold) / Math.Log(1 - tableCollision));
            if (tables > MaxTables)
            {
                break;
            }

            var cost = (tables * (double)bits * count) + (tables * pairs * Math.Pow(0.5, bits));
            if (cost < bestCost)
            {
                (best, bestCost) = (new HyperplaneLshOptions(tables, bits), cost);
            }
        }

        return best;
    }
}
