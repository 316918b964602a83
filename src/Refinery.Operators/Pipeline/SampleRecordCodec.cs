using System.Runtime.InteropServices;

namespace Refinery.Operators.Pipeline;

/// <summary>
/// The binary form of a <see cref="SampleRecord"/>: a count, then per value its name, a one-byte kind and its payload
/// (arrays as a length and their raw little-endian elements, so a 512-float embedding costs 2 KB plus its name).
/// </summary>
public static class SampleRecordCodec
{
    private enum Kind : byte
    {
        Double = 1,
        Int64 = 2,
        UInt64 = 3,
        Boolean = 4,
        Text = 5,
        Floats = 6,
        Doubles = 7,
        Bytes = 8,
    }

    public static void Write(BinaryWriter writer, SampleRecord record)
    {
        writer.Write7BitEncodedInt(record.Count);
        foreach (var (name, value) in record.Entries)
        {
            writer.Write(name);
            switch (value)
            {
                case double number:
                    writer.Write((byte)Kind.Double);
                    writer.Write(number);
                    break;
                case long whole:
                    writer.Write((byte)Kind.Int64);
                    writer.Write(whole);
                    break;
                case ulong bits:
                    writer.Write((byte)Kind.UInt64);
                    writer.Write(bits);
                    break;
                case bool flag:
                    writer.Write((byte)Kind.Boolean);
                    writer.Write(flag);
                    break;
                case string text:
                    writer.Write((byte)Kind.Text);
                    writer.Write(text);
                    break;
                case float[] floats:
                    WriteArray(writer, Kind.Floats, MemoryMarshal.AsBytes(floats.AsSpan()), floats.Length);
                    break;
                case double[] doubles:
                    WriteArray(writer, Kind.Doubles, MemoryMarshal.AsBytes(doubles.AsSpan()), doubles.Length);
                    break;
                case byte[] bytes:
                    WriteArray(writer, Kind.Bytes, bytes, bytes.Length);
                    break;
                default:
                    throw Unsupported(value);
            }
        }
    }

    public static SampleRecord Read(BinaryReader reader)
    {
        var record = new SampleRecord();
        var count = reader.Read7BitEncodedInt();
        for (var index = 0; index < count; index++)
        {
            var name = reader.ReadString();
            object value = (Kind)reader.ReadByte() switch
            {
                Kind.Double => reader.ReadDouble(),
                Kind.Int64 => reader.ReadInt64(),
                Kind.UInt64 => reader.ReadUInt64(),
                Kind.Boolean => reader.ReadBoolean(),
                Kind.Text => reader.ReadString(),
                Kind.Floats => ReadArray<float>(reader),
                Kind.Doubles => ReadArray<double>(reader),
                Kind.Bytes => ReadArray<byte>(reader),
                var kind => throw new InvalidDataException($"Staged record value '{name}' has unknown kind {(byte)kind}."),
            };
            record.SetRaw(name, value);
        }

        return record;
    }

    /// <summary>Refuses, when it is recorded rather than when it is staged, a value the binary form cannot hold.</summary>
    internal static void CheckSupported(object value)
    {
        if (value is not (double or long or ulong or bool or string or float[] or double[] or byte[]))
        {
            throw Unsupported(value);
        }
    }

    private static void WriteArray(BinaryWriter writer, Kind kind, ReadOnlySpan<byte> bytes, int length)
    {
        writer.Write((byte)kind);
        writer.Write7BitEncodedInt(length);
        writer.Write(bytes);
    }

    private static T[] ReadArray<T>(BinaryReader reader)
        where T : unmanaged
    {
        var values = new T[reader.Read7BitEncodedInt()];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    private static NotSupportedException Unsupported(object value) =>
        new($"A sample record cannot hold a {value.GetType().Name}; use a number, a string, or a float, double or byte array.");
}
