namespace Refinery.Operators.Similarity;

/// <summary>
/// Similarity of two 64-bit perceptual hashes as the spec defines it for SimDeduplication's phash method:
/// 1 − Hamming distance / 64; two hashes are similar when it is at least the threshold.
/// </summary>
public static class PerceptualHashSimilarity
{
    public const int Bits = 64;

    public static float Of(ulong a, ulong b) => Similarity(System.Numerics.BitOperations.PopCount(a ^ b));

    public static float Similarity(int hammingDistance) => 1f - (hammingDistance / (float)Bits);

    /// <summary>
    /// The largest Hamming distance whose similarity still reaches <paramref name="threshold"/> (6 bits at the default
    /// 0.9); computed by comparing similarities, not by flooring (1 − t) × 64, so a threshold that lands exactly on a
    /// distance (0.875 = 8 bits) includes it.
    /// </summary>
    public static int MaxDistance(double threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1.0);
        var distance = 0;
        while (distance < Bits && Similarity(distance + 1) >= threshold)
        {
            distance++;
        }

        return distance;
    }
}
