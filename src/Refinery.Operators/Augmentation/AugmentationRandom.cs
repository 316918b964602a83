using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// The random source of one operator on one sample: xoshiro256** seeded from
/// SHA-256(len‖seed ‖ len‖sample id ‖ operator index), all fields UTF-8 with a 4-byte little-endian length prefix
/// and the index as 4 bytes little-endian; the digest's four little-endian 64-bit words are the state.
/// Both algorithms are fixed by their specifications, so a run draws the same values on any .NET version,
/// machine or worker, whichever shard the sample lands in (System.Random promises none of that).
/// </summary>
public sealed class AugmentationRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    private AugmentationRandom(ReadOnlySpan<byte> digest)
    {
        _s0 = BinaryPrimitives.ReadUInt64LittleEndian(digest);
        _s1 = BinaryPrimitives.ReadUInt64LittleEndian(digest[8..]);
        _s2 = BinaryPrimitives.ReadUInt64LittleEndian(digest[16..]);
        _s3 = BinaryPrimitives.ReadUInt64LittleEndian(digest[24..]);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            // xoshiro's one forbidden state; SHA-256 will not produce it, but the generator must never stick at zero.
            _s0 = 0x9E3779B97F4A7C15;
        }
    }

    public static AugmentationRandom ForSample(string seed, string sampleId, int operatorIndex)
    {
        var writer = new ArrayBufferWriter<byte>();
        WriteField(writer, seed);
        WriteField(writer, sampleId);
        WriteInt(writer, operatorIndex);
        return new AugmentationRandom(SHA256.HashData(writer.WrittenSpan));
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1), from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max]; min when the range is empty.</summary>
    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Uniform integer in [minInclusive, maxInclusive], by the multiply-high method (bias below 2^-32).</summary>
    public int NextInt(int minInclusive, int maxInclusive)
    {
        var span = (ulong)((long)maxInclusive - minInclusive + 1);
        return (int)(minInclusive + (long)Math.BigMul(NextUInt64(), span, out _));
    }

    /// <summary>True with the given probability.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A seed for a stream of its own (noise fields, weather patterns) that needs many values.</summary>
    public ulong NextStreamSeed() => NextUInt64() | 1;

    private static void WriteField(ArrayBufferWriter<byte> writer, string value)
    {
        WriteInt(writer, Encoding.UTF8.GetByteCount(value));
        writer.Advance(Encoding.UTF8.GetBytes(value, writer.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length))));
    }

    private static void WriteInt(ArrayBufferWriter<byte> writer, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(writer.GetSpan(4), value);
        writer.Advance(4);
    }
}
