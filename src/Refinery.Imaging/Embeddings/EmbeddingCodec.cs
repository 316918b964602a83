using System.Buffers.Binary;

namespace Refinery.Imaging.Embeddings;

/// <summary>
/// The compact binary form of one sample's embedding, as staged per sample: a 4-byte header (format version 1; the
/// <see cref="EmbeddingPrecision"/> byte; the component count, uint16 little-endian) then the components, little-endian.
/// </summary>
public static class EmbeddingCodec
{
    public const int HeaderLength = 4;

    private const byte FormatVersion = 1;

    /// <summary>The bytes <see cref="Encode(ReadOnlySpan{float}, EmbeddingPrecision)"/> writes for a vector of <paramref name="dimensions"/> components.</summary>
    public static int EncodedLength(int dimensions, EmbeddingPrecision precision) =>
        HeaderLength + (dimensions * ComponentLength(precision));

    public static byte[] Encode(ReadOnlySpan<float> vector, EmbeddingPrecision precision)
    {
        var encoded = new byte[EncodedLength(vector.Length, precision)];
        Encode(vector, precision, encoded);
        return encoded;
    }

    /// <summary>Writes the vector into <paramref name="destination"/>, which must hold <see cref="EncodedLength"/> bytes.</summary>
    public static void Encode(ReadOnlySpan<float> vector, EmbeddingPrecision precision, Span<byte> destination)
    {
        if (vector.Length > ushort.MaxValue)
        {
            throw new ArgumentException($"an embedding has at most {ushort.MaxValue} components, not {vector.Length}", nameof(vector));
        }

        var length = EncodedLength(vector.Length, precision);
        if (destination.Length < length)
        {
            throw new ArgumentException($"encoding {vector.Length} components as {precision} takes {length} bytes, the destination has {destination.Length}", nameof(destination));
        }

        destination[0] = FormatVersion;
        destination[1] = (byte)precision;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], (ushort)vector.Length);
        var values = destination[HeaderLength..];
        for (var index = 0; index < vector.Length; index++)
        {
            if (precision == EmbeddingPrecision.Float32)
            {
                BinaryPrimitives.WriteSingleLittleEndian(values[(index * 4)..], vector[index]);
            }
            else
            {
                BinaryPrimitives.WriteHalfLittleEndian(values[(index * 2)..], (Half)vector[index]);
            }
        }
    }

    /// <exception cref="FormatException">The bytes are not one embedding in this form: the message says which part is wrong.</exception>
    public static float[] Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length < HeaderLength)
        {
            throw new FormatException($"an encoded embedding starts with a {HeaderLength}-byte header; this one has {encoded.Length} bytes");
        }

        if (encoded[0] != FormatVersion)
        {
            throw new FormatException($"the embedding is in format version {encoded[0]}; this build reads version {FormatVersion}");
        }

        var precision = (EmbeddingPrecision)encoded[1];
        if (!Enum.IsDefined(precision))
        {
            throw new FormatException($"the embedding's precision byte is {encoded[1]}, which names no precision (1 float32, 2 float16)");
        }

        var dimensions = BinaryPrimitives.ReadUInt16LittleEndian(encoded[2..]);
        var expected = EncodedLength(dimensions, precision);
        if (encoded.Length != expected)
        {
            throw new FormatException($"an embedding of {dimensions} {precision} components is {expected} bytes long; this one is {encoded.Length}");
        }

        var values = encoded[HeaderLength..];
        var vector = new float[dimensions];
        for (var index = 0; index < dimensions; index++)
        {
            vector[index] = precision == EmbeddingPrecision.Float32
                ? BinaryPrimitives.ReadSingleLittleEndian(values[(index * 4)..])
                : (float)BinaryPrimitives.ReadHalfLittleEndian(values[(index * 2)..]);
        }

        return vector;
    }

    private static int ComponentLength(EmbeddingPrecision precision) => precision switch
    {
        EmbeddingPrecision.Float32 => 4,
        EmbeddingPrecision.Float16 => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "an embedding is stored as float32 or float16"),
    };
}
