namespace Refinery.Storage.Tests;

/// <summary>A readable stream that yields some bytes and then fails, like a network upload cut off halfway.</summary>
public sealed class FailingStream(int bytesBeforeFailure) : Stream
{
    private int _remaining = bytesBeforeFailure;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_remaining == 0)
        {
            throw new IOException("The connection was reset.");
        }

        var length = Math.Min(count, _remaining);
        Array.Fill(buffer, (byte)'x', offset, length);
        _remaining -= length;
        return length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
