namespace Refinery.TestSupport;

/// <summary>
/// Random 64-bit hashes with planted near-duplicates: with probability <c>duplicateFraction</c> a sample copies an
/// earlier hash with 0..<c>maxFlips</c> random bits flipped, so pairs fall on both sides of any Hamming threshold.
/// </summary>
public static class SyntheticHashes
{
    public static ulong[] WithPlantedDuplicates(int count, double duplicateFraction, int maxFlips, int seed)
    {
        var random = new Random(seed);
        var hashes = new ulong[count];
        for (var sample = 0; sample < count; sample++)
        {
            if (sample > 0 && random.NextDouble() < duplicateFraction)
            {
                var hash = hashes[random.Next(sample)];
                var flips = random.Next(maxFlips + 1);
                for (var flip = 0; flip < flips; flip++)
                {
                    hash ^= 1UL << random.Next(64);
                }

                hashes[sample] = hash;
            }
            else
            {
                hashes[sample] = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
            }
        }

        return hashes;
    }
}
