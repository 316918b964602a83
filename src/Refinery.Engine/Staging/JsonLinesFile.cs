using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Refinery.Storage;

namespace Refinery.Engine.Staging;

/// <summary>Reads and writes staging files of one JSON object per line.</summary>
public static class JsonLinesFile
{
    private static readonly byte[] _newLine = [(byte)'\n'];

    /// <summary>Writes the whole file at once; the store makes the replacement atomic.</summary>
    public static async Task WriteAsync<T>(
        IObjectStore store, ObjectPath path, IEnumerable<T> items, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        foreach (var item in items)
        {
            JsonSerializer.Serialize(buffer, item, typeInfo);
            buffer.Write(_newLine);
        }

        buffer.Position = 0;
        await store.WriteAsync(path, buffer, cancellationToken);
    }

    public static async IAsyncEnumerable<T> ReadAsync<T>(
        IObjectStore store, ObjectPath path, JsonTypeInfo<T> typeInfo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(path, cancellationToken);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                yield return JsonSerializer.Deserialize(line, typeInfo)
                    ?? throw new InvalidDataException($"Staging file {path} has an empty record.");
            }
        }
    }
}
