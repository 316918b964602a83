using System.Buffers;

namespace Refinery.Formats.Manifests;

/// <summary>
/// Splits a UTF-8 stream into lines without decoding it, holding at most one line (plus one read) in a pooled buffer.
/// </summary>
internal sealed class Utf8LineReader(Stream stream, int maximumLineBytes) : IDisposable
{
    private const int InitialBufferBytes = 64 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
    private int _start;
    private int _end;
    private bool _endOfStream;

    /// <summary>The 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// The next line without its '\n' or '\r\n', or null at the end of the stream. The bytes stay valid only until
    /// the next call.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var scanFrom = _start;
        while (true)
        {
            var newline = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = scanFrom + newline;
                var line = TakeLine(lineEnd);
                _start = lineEnd + 1;
                return line;
            }

            if (_endOfStream)
            {
                if (_start == _end)
                {
                    return null;
                }

                var lastLine = TakeLine(_end);
                _start = _end;
                return lastLine;
            }

            // Refuse before buffering more: a file without line breaks must not be read whole into memory. One byte
            // of slack leaves room for the '\r' of a full-length line whose '\n' has not arrived yet.
            ThrowIfTooLong(_end - _start - 1);

            scanFrom = _end - _start;
            MakeRoomForRead();
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            _endOfStream = read == 0;
            _end += read;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private ReadOnlyMemory<byte> TakeLine(int lineEnd)
    {
        var length = lineEnd - _start;
        if (length > 0 && _buffer[lineEnd - 1] == (byte)'\r')
        {
            length--;
        }

        ThrowIfTooLong(length);
        LineNumber++;
        var line = _buffer.AsMemory(_start, length);
        return LineNumber == 1 && line.Span.StartsWith("\uFEFF"u8) ? line[3..] : line;
    }

    private void ThrowIfTooLong(int length)
    {
        if (length > maximumLineBytes)
        {
            throw new ManifestFormatException(
                LineNumber + 1,
                $"the line is longer than the limit of {maximumLineBytes} bytes");
        }
    }

    /// <summary>Moves the unfinished line to the front of the buffer and grows the buffer when the line fills it.</summary>
    private void MakeRoomForRead()
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }
}
