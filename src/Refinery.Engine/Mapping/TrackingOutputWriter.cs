using Refinery.Operators;
using Refinery.Storage;

namespace Refinery.Engine.Mapping;

/// <summary>
/// One stage's output writer for one sample: passes writes through and remembers which names it wrote, so the engine
/// knows which of the stage's output names are new staged files and which still name the file the stage was given.
/// </summary>
public sealed class TrackingOutputWriter(IOutputWriter inner) : IOutputWriter
{
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    public bool Wrote(string relativePath) => _written.Contains(relativePath);

    public async Task WriteAsync(string relativePath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await inner.WriteAsync(relativePath, content, cancellationToken);
        _written.Add(relativePath);
    }

    public async Task CopyAsync(string relativePath, ObjectPath source, CancellationToken cancellationToken)
    {
        await inner.CopyAsync(relativePath, source, cancellationToken);
        _written.Add(relativePath);
    }
}
