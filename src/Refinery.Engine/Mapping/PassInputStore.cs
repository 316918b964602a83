using Refinery.Engine.Staging;
using Refinery.Storage;

namespace Refinery.Engine.Mapping;

/// <summary>
/// What a sample stage reads through: the inputs, and the files earlier stages of the version wrote under its staged
/// <c>Data/</c> (a validated image that the next fused stage analyses). Only that folder of the version is routed to
/// staging, so an input bucket that happens to share the staging bucket's name stays reachable.
/// </summary>
public sealed class PassInputStore(IObjectStore inputs, StagingArea staging, string versionId) : IObjectStore
{
    public Task<Stream> OpenReadAsync(ObjectPath path, CancellationToken cancellationToken) => StoreOf(path).OpenReadAsync(path, cancellationToken);

    public Task<ObjectInfo?> StatAsync(ObjectPath path, CancellationToken cancellationToken) => StoreOf(path).StatAsync(path, cancellationToken);

    public Task WriteAsync(ObjectPath path, Stream content, CancellationToken cancellationToken) => StoreOf(path).WriteAsync(path, content, cancellationToken);

    public IAsyncEnumerable<ObjectInfo> ListAsync(ObjectPath prefix, CancellationToken cancellationToken) => StoreOf(prefix).ListAsync(prefix, cancellationToken);

    public Task DeleteAsync(ObjectPath path, CancellationToken cancellationToken) => StoreOf(path).DeleteAsync(path, cancellationToken);

    public ObjectPath Canonicalize(ObjectPath path) => StoreOf(path).Canonicalize(path);

    public Task DeletePrefixAsync(ObjectPath prefix, CancellationToken cancellationToken) => StoreOf(prefix).DeletePrefixAsync(prefix, cancellationToken);

    private IObjectStore StoreOf(ObjectPath path) => staging.IsStagedData(versionId, path) ? staging.Store : inputs;
}
