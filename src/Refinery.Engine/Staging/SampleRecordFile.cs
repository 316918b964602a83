using System.Runtime.CompilerServices;
using Refinery.Operators.Pipeline;
using Refinery.Storage;

namespace Refinery.Engine.Staging;

/// <summary>
/// Reads and writes a shard's typed sample records: binary, a count and then the records one after another in the
/// order of its results.
/// </summary>
public static class SampleRecordFile
{
    /// <summary>Writes the whole file at once; the store makes the replacement atomic.</summary>
    public static async Task WriteAsync(IObjectStore store, ObjectPath path, IEnumerable<SampleRecord> records, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(0); // the count, known once every record is written
            var count = 0;
            foreach (var record in records)
            {
                SampleRecordCodec.Write(writer, record);
                count++;
            }

            writer.Seek(0, SeekOrigin.Begin);
            writer.Write(count);
        }

        buffer.Position = 0;
        await store.WriteAsync(path, buffer, cancellationToken);
    }

    public static async IAsyncEnumerable<SampleRecord> ReadAsync(
        IObjectStore store, ObjectPath path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new BufferedStream(await store.OpenReadAsync(path, cancellationToken), 1 << 16);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var count = reader.ReadInt32();
        for (var index = 0; index < count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return SampleRecordCodec.Read(reader);
        }
    }
}
