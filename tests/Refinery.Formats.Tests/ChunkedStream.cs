namespace Refinery.Formats.Tests;

/// <summary>
/// Hands out its content in the given chunks (a read never crosses from one chunk into the next), the way a network
/// delivers packets, so tests can decide exactly where reads split a line.
/// </summary>
public sealed class ChunkedStream(params byte[][] chunks) : Stream
{
    private int _chunk;
    private int _offsetInChunk;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public static ChunkedStream OfPiecesOf(byte[] content, int bytesPerPiece) =>
        new(content.Chunk(bytesPerPiece).ToArray());

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_chunk == chunks.Length)
        {
            return 0;
        }

        var current = chunks[_chunk];
        var length = Math.Min(count, current.Length - _offsetInChunk);
        current.AsSpan(_offsetInChunk, length).CopyTo(buffer.AsSpan(offset));
        _offsetInChunk += length;
        if (_offsetInChunk == current.Length)
        {
            _chunk++;
            _offsetInChunk = 0;
        }

        return length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
