namespace Refinery.Storage.Tests.S3;

/// <summary>
/// Content whose length is unknown up front, like an HTTP request body or a pipe. <paramref name="beforeRead"/> sees
/// how many bytes have been read so far before each read (a test can cancel or fail the write at a point).
/// </summary>
internal sealed class ForwardOnlyStream(byte[] content, int maxChunk, Action<int>? beforeRead = null) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    // Short reads on purpose: the store must keep reading until a part is full.
    public override int Read(Span<byte> buffer)
    {
        beforeRead?.Invoke(_position);
        var count = Math.Min(Math.Min(buffer.Length, maxChunk), content.Length - _position);
        content.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
