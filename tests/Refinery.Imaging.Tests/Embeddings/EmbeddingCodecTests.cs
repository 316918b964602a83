using System.Numerics.Tensors;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Refinery.Imaging.Embeddings;

namespace Refinery.Imaging.Tests.Embeddings;

public sealed class EmbeddingCodecTests
{
    [Property]
    public Property Float32_round_trips_every_component_exactly() =>
        Prop.ForAll(UnitVectors(), vector =>
            EmbeddingCodec.Decode(EmbeddingCodec.Encode(vector, EmbeddingPrecision.Float32)).SequenceEqual(vector));

    [Property]
    public Property Float16_keeps_each_component_within_its_documented_error() =>
        Prop.ForAll(UnitVectors(), vector =>
        {
            var decoded = EmbeddingCodec.Decode(EmbeddingCodec.Encode(vector, EmbeddingPrecision.Float16));
            return decoded.Length == vector.Length
                && vector.Zip(decoded).All(pair => Math.Abs(pair.First - pair.Second) <= Math.Max(Math.Abs(pair.First) * Math.Pow(2, -11), 3e-8))
                && TensorPrimitives.CosineSimilarity(vector, decoded) > 0.9999f;
        });

    [Fact]
    public void A_512_d_embedding_takes_2052_bytes_as_float32_and_1028_as_float16()
    {
        var vector = new float[ImageEmbedder.Dimensions];

        Assert.Equal(2052, EmbeddingCodec.Encode(vector, EmbeddingPrecision.Float32).Length);
        Assert.Equal(1028, EmbeddingCodec.Encode(vector, EmbeddingPrecision.Float16).Length);
    }

    [Fact]
    public void The_header_is_version_precision_and_count_then_little_endian_values()
    {
        var encoded = EmbeddingCodec.Encode([1.0f, -2.0f], EmbeddingPrecision.Float32);

        Assert.Equal(new byte[] { 1, 1, 2, 0, 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0 }, encoded);
    }

    [Theory]
    [InlineData(new byte[] { 1, 1 }, "header")]
    [InlineData(new byte[] { 2, 1, 0, 0 }, "version 2")]
    [InlineData(new byte[] { 1, 9, 0, 0 }, "precision byte is 9")]
    [InlineData(new byte[] { 1, 1, 2, 0, 0, 0, 0, 0 }, "12 bytes long; this one is 8")]
    public void Bytes_that_are_not_an_embedding_are_refused_saying_why(byte[] encoded, string reason)
    {
        var refusal = Assert.Throws<FormatException>(() => EmbeddingCodec.Decode(encoded));

        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
    }

    private static Arbitrary<float[]> UnitVectors() =>
        Gen.Choose(1, 600)
            .SelectMany(length => Gen.ArrayOf(Gen.Choose(-1_000_000, 1_000_000).Select(value => value / 1_000_000f), length))
            .Where(values => values.Any(value => value != 0))
            .Select(values =>
            {
                TensorPrimitives.Divide(values, TensorPrimitives.Norm<float>(values), values);
                return values;
            })
            .ToArbitrary();
}
