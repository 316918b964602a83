using System.Numerics;

namespace Refinery.Operators.Similarity;

/// <summary>
/// Groups 64-bit perceptual hashes within a Hamming distance r (from the similarity threshold) by multi-index hashing:
/// the hash is cut into r + 1 substrings, and two hashes at most r bits apart agree exactly on at least one of them
/// (pigeonhole), so bucketing by each substring finds every such pair; each candidate is then verified exactly. All
/// pairs a brute-force comparison finds are found. With r = 6 (the default 0.9) the substrings are 9–10 bits, so a
/// random hash meets about N/512 others per table. Past 16 substrings (thresholds below 0.75) the buckets would hold
/// most of the data anyway, and one bucket of everything (an exact pairwise comparison) is cheaper.
/// </summary>
public static class PerceptualHashDuplicateFinder
{
    private const int MaxSubstrings = 16;

    public static DuplicateGrouping Find(ulong[] hashes, double similarityThreshold, CancellationToken cancellationToken = default)
    {
        var maxDistance = PerceptualHashSimilarity.MaxDistance(similarityThreshold);
        var substrings = maxDistance + 1 <= MaxSubstrings ? maxDistance + 1 : 1;
        var widths = maxDistance + 1 <= MaxSubstrings ? PerceptualHashSimilarity.Bits : 0;
        return CandidatePairSearch.Run(new SubstringTables(hashes, maxDistance, substrings, widths), cancellationToken);
    }

    private readonly struct SubstringTables : ICandidateTables
    {
        private readonly ulong[] _hashes;
        private readonly int _maxDistance;
        private readonly int[] _shifts;
        private readonly ulong[] _masks;

        /// <param name="coveredBits">64 to cut the hash into substrings; 0 for a single table whose key is always 0.</param>
        public SubstringTables(ulong[] hashes, int maxDistance, int substrings, int coveredBits)
        {
            _hashes = hashes;
            _maxDistance = maxDistance;
            _shifts = new int[substrings];
            _masks = new ulong[substrings];
            var start = 0;
            for (var table = 0; table < substrings; table++)
            {
                // Widths differ by at most one bit: the first (bits mod substrings) substrings take the extra bit.
                var width = (coveredBits / substrings) + (table < coveredBits % substrings ? 1 : 0);
                _shifts[table] = start;
                _masks[table] = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
                start += width;
            }
        }

        public int SampleCount => _hashes.Length;

        public int TableCount => _shifts.Length;

        public ulong Key(int sample, int table) => (_hashes[sample] >> _shifts[table]) & _masks[table];

        public bool AgreeBefore(int first, int second, int table)
        {
            // Substrings agree exactly where the XOR of the hashes is zero.
            var difference = _hashes[first] ^ _hashes[second];
            for (var earlier = 0; earlier < table; earlier++)
            {
                if (((difference >> _shifts[earlier]) & _masks[earlier]) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        public bool Verify(int first, int second, out float similarity)
        {
            var distance = BitOperations.PopCount(_hashes[first] ^ _hashes[second]);
            similarity = PerceptualHashSimilarity.Similarity(distance);
            return distance <= _maxDistance;
        }
    }
}
