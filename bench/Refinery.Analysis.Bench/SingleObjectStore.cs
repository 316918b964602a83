using System.Runtime.CompilerServices;
using Refinery.Storage;

/// <summary>Serves the same bytes for every path: the benchmark measures analysis, not storage.</summary>
internal sealed class SingleObjectStore(byte[] content) : IObjectStore
{
    public Task<Stream> OpenReadAsync(ObjectPath path, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new MemoryStream(content, writable: false));

    public Task<ObjectInfo?> StatAsync(ObjectPath path, CancellationToken cancellationToken) =>
        Task.FromResult<ObjectInfo?>(new ObjectInfo(path, content.Length));

    public Task WriteAsync(ObjectPath path, Stream content, CancellationToken cancellationToken) => throw new NotSupportedException();

    public async IAsyncEnumerable<ObjectInfo> ListAsync(ObjectPath prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }

    public Task DeleteAsync(ObjectPath path, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeletePrefixAsync(ObjectPath prefix, CancellationToken cancellationToken) => throw new NotSupportedException();
}
