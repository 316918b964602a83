using Refinery.Storage;

namespace Refinery.Engine.Tests.Delivery;

/// <summary>A store whose first <paramref name="failures"/> reads fail the way a store that is briefly unreachable does.</summary>
internal sealed class FailingReadsStore(IObjectStore inner, int failures) : IObjectStore
{
    private int _reads;

    public Task<Stream> OpenReadAsync(ObjectPath path, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _reads) <= failures ? throw new IOException("the store is not answering") : inner.OpenReadAsync(path, cancellationToken);

    public Task<ObjectInfo?> StatAsync(ObjectPath path, CancellationToken cancellationToken) => inner.StatAsync(path, cancellationToken);

    public Task WriteAsync(ObjectPath path, Stream content, CancellationToken cancellationToken) => inner.WriteAsync(path, content, cancellationToken);

    public IAsyncEnumerable<ObjectInfo> ListAsync(ObjectPath prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task DeleteAsync(ObjectPath path, CancellationToken cancellationToken) => inner.DeleteAsync(path, cancellationToken);

    public Task DeletePrefixAsync(ObjectPath prefix, CancellationToken cancellationToken) => inner.DeletePrefixAsync(prefix, cancellationToken);
}
