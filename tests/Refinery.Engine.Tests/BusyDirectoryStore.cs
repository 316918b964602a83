using Refinery.Storage;

namespace Refinery.Engine.Tests;

/// <summary>
/// A local store whose prefix deletes fail the way a recursive delete does while a worker is still writing into the
/// folder ("Directory not empty"), until <see cref="WriterFinished"/> is set.
/// </summary>
internal sealed class BusyDirectoryStore(LocalDirectoryStore inner) : IObjectStore
{
    public bool WriterFinished { get; set; }

    public Task<Stream> OpenReadAsync(ObjectPath path, CancellationToken cancellationToken) => inner.OpenReadAsync(path, cancellationToken);

    public Task<ObjectInfo?> StatAsync(ObjectPath path, CancellationToken cancellationToken) => inner.StatAsync(path, cancellationToken);

    public Task WriteAsync(ObjectPath path, Stream content, CancellationToken cancellationToken) => inner.WriteAsync(path, content, cancellationToken);

    public IAsyncEnumerable<ObjectInfo> ListAsync(ObjectPath prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task DeleteAsync(ObjectPath path, CancellationToken cancellationToken) => inner.DeleteAsync(path, cancellationToken);

    public Task DeletePrefixAsync(ObjectPath prefix, CancellationToken cancellationToken) =>
        WriterFinished ? inner.DeletePrefixAsync(prefix, cancellationToken) : throw new IOException("Directory not empty");
}
