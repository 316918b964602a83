using System.Buffers;

namespace Refinery.Imaging.Embeddings;

/// <summary>
/// Rewrites an ONNX model so that the first dimension of its inputs, outputs and intermediate values is symbolic.
/// The ResNet-18 of <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> (a CNTK export) declares a batch of exactly 1, and
/// ONNX Runtime refuses any other; nothing in the graph depends on it (convolutions, batch norms, pools), so only the
/// declared shapes change. Works on the protobuf wire format, so no ONNX library is needed to load the model.
/// </summary>
public static class OnnxBatchDimension
{
    // Field numbers from onnx.proto: ModelProto.graph; GraphProto.input, output, value_info; ValueInfoProto.type;
    // TypeProto.tensor_type; TypeProto.Tensor.shape. The leaf is a TensorShapeProto.
    private static readonly int[][] _pathToShapes = [[7], [11, 12, 13], [2], [1], [2]];

    private const int ShapeDimensionField = 1;
    private const int DimensionParameterField = 2;

    private const int VarintWireType = 0;
    private const int Fixed64WireType = 1;
    private const int LengthDelimitedWireType = 2;
    private const int Fixed32WireType = 5;

    /// <summary>The model with every declared first dimension replaced by the symbolic dimension <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a protobuf message.</exception>
    public static byte[] MakeSymbolic(ReadOnlySpan<byte> model, string name)
    {
        var symbolic = new ArrayBufferWriter<byte>();
        WriteLengthDelimited(symbolic, DimensionParameterField, System.Text.Encoding.UTF8.GetBytes(name));
        var output = new ArrayBufferWriter<byte>(model.Length + 4096);
        Rewrite(model, 0, symbolic.WrittenSpan, output);
        return output.WrittenSpan.ToArray();
    }

    private static void Rewrite(ReadOnlySpan<byte> message, int depth, ReadOnlySpan<byte> symbolicDimension, ArrayBufferWriter<byte> output)
    {
        var position = 0;
        var firstDimension = true;
        while (position < message.Length)
        {
            var start = position;
            var (field, wireType) = ReadKey(message, ref position);
            if (wireType != LengthDelimitedWireType)
            {
                SkipScalar(message, wireType, ref position);
                output.Write(message[start..position]);
                continue;
            }

            var length = checked((int)ReadVarint(message, ref position));
            if (length < 0 || length > message.Length - position)
            {
                throw new InvalidDataException($"a field of {length} bytes runs past the end of its {message.Length}-byte message");
            }

            var value = message.Slice(position, length);
            position += length;
            if (depth == _pathToShapes.Length && field == ShapeDimensionField && firstDimension)
            {
                firstDimension = false;
                WriteLengthDelimited(output, ShapeDimensionField, symbolicDimension);
            }
            else if (depth < _pathToShapes.Length && _pathToShapes[depth].Contains(field))
            {
                var rewritten = new ArrayBufferWriter<byte>(length + 64);
                Rewrite(value, depth + 1, symbolicDimension, rewritten);
                WriteLengthDelimited(output, field, rewritten.WrittenSpan);
            }
            else
            {
                output.Write(message[start..position]);
            }
        }
    }

    private static (int Field, int WireType) ReadKey(ReadOnlySpan<byte> message, ref int position)
    {
        var key = ReadVarint(message, ref position);
        return ((int)(key >> 3), (int)(key & 7));
    }

    private static void SkipScalar(ReadOnlySpan<byte> message, int wireType, ref int position)
    {
        switch (wireType)
        {
            case VarintWireType:
                ReadVarint(message, ref position);
                break;
            case Fixed64WireType:
                position += 8;
                break;
            case Fixed32WireType:
                position += 4;
                break;
            default:
                throw new InvalidDataException($"protobuf wire type {wireType} is not one an ONNX model uses");
        }

        if (position > message.Length)
        {
            throw new InvalidDataException("a fixed-size field runs past the end of its message");
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= message.Length)
            {
                throw new InvalidDataException("a varint runs past the end of its message");
            }

            var next = message[position++];
            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("a varint is longer than 10 bytes");
    }

    private static void WriteLengthDelimited(ArrayBufferWriter<byte> output, int field, ReadOnlySpan<byte> value)
    {
        WriteVarint(output, ((ulong)field << 3) | LengthDelimitedWireType);
        WriteVarint(output, (ulong)value.Length);
        output.Write(value);
    }

    private static void WriteVarint(ArrayBufferWriter<byte> output, ulong value)
    {
        Span<byte> bytes = stackalloc byte[10];
        var count = 0;
        while (value >= 0x80)
        {
            bytes[count++] = (byte)(value | 0x80);
            value >>= 7;
        }

        bytes[count++] = (byte)value;
        output.Write(bytes[..count]);
    }
}
