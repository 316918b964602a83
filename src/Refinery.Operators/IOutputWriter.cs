using Refinery.Storage;

namespace Refinery.Operators;

/// <summary>
/// Where an operator puts the files of one version's output (<c>Data/...</c>), by path relative to that output.
/// Writes land in the version's staging area; the engine publishes them whole when the version completes.
/// </summary>
public interface IOutputWriter
{
    Task WriteAsync(string relativePath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Copies an input object unchanged, streaming it.</summary>
    Task CopyAsync(string relativePath, ObjectPath source, CancellationToken cancellationToken);
}
