using System.Buffers;
using Refinery.Domain;
using Refinery.Storage;

namespace Refinery.Operators;

/// <summary>
/// One object's bytes, read whole into a pooled buffer (decoders and XML readers need them contiguous; pooling spares
/// a large-object allocation per image) and returned to the pool on dispose.
/// </summary>
internal sealed class PooledObjectBytes : IDisposable
{
    private const int UnknownLengthGuess = 1 << 20;

    // ReadsLocalFilesInPlace: a local file (a FileStream) is read on the calling thread. Its bytes are in the page cache
    // or one disk read away, while FileStream.ReadAsync on Unix hands every read to the thread pool, where it queues
    // behind the CPU-bound samples that run there: a small image then waits longer for its bytes than it takes to analyse.

    private byte[]? _buffer;

    private PooledObjectBytes(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => Buffer.AsMemory(0, Length);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(PooledObjectBytes));

    public Stream OpenStream() => new MemoryStream(Buffer, 0, Length, writable: false);

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    /// <summary>
    /// The whole object, or null and why (a phrase naming the object) when it is absent, refused by the store's
    /// confinement, or larger than <paramref name="limit"/> bytes: those are the sample's problem. A failing store
    /// (disk error, S3 unreachable) is not: its exception escapes so the engine retries the shard and, if the store
    /// stays down, fails the version with that error instead of reporting every sample as unreadable.
    /// </summary>
    public static async Task<(PooledObjectBytes? Bytes, string? Failure)> ReadAsync(
        IObjectStore store, ObjectPath path, long limit, CancellationToken cancellationToken)
    {
        byte[]? buffer = null;
        try
        {
            await using var stream = await store.OpenReadAsync(path, cancellationToken);
            // One byte more than the object, so the read that finds its end needs no larger buffer; no more than the limit allows.
            var expected = stream.CanSeek ? stream.Length - stream.Position + 1 : UnknownLengthGuess;
            buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(4096, Math.Min(expected, Math.Min(limit + 1, Array.MaxLength))));
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = stream is FileStream
                    ? stream.Read(buffer.AsSpan(length)) // see ReadsLocalFilesInPlace
                    : await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    var bytes = new PooledObjectBytes(buffer, length);
                    buffer = null;
                    return (bytes, null);
                }

                length += read;
                if (length > limit)
                {
                    return (null, $"{path} is larger than the limit of {limit} bytes");
                }
            }
        }
        catch (ObjectNotFoundException)
        {
            return (null, $"{path} does not exist");
        }
        catch (ModelArtsException refused)
        {
            return (null, refused.Message);
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
