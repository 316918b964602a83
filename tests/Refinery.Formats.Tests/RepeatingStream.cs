namespace Refinery.Formats.Tests;

/// <summary>A stream that repeats the same bytes forever: only a reader that streams can ever finish with it.</summary>
public sealed class RepeatingStream(byte[] pattern) : Stream
{
    private long _position;

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
        for (var index = 0; index < count; index++)
        {
            buffer[offset + index] = pattern[_position++ % pattern.Length];
        }

        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
