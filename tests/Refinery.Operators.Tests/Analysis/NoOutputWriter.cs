using Refinery.Storage;

namespace Refinery.Operators.Tests.Analysis;

/// <summary>Analysis publishes no files: any write is a test failure.</summary>
internal sealed class NoOutputWriter : IOutputWriter
{
    public Task WriteAsync(string relativePath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"analysis wrote {relativePath}");

    public Task CopyAsync(string relativePath, ObjectPath source, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"analysis copied {relativePath}");
}
