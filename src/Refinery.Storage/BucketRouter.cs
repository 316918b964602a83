using System.Collections.Frozen;
using Refinery.Domain;

namespace Refinery.Storage;

/// <summary>Serves every configured bucket through one store by handing each call to the store that owns its bucket.</summary>
public sealed class BucketRouter : IObjectStore
{
    private readonly FrozenDictionary<string, IObjectStore> _stores;

    public BucketRouter(IReadOnlyDictionary<string, IObjectStore> storesByBucket)
    {
        ArgumentNullException.ThrowIfNull(storesByBucket);
        _stores = storesByBucket.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Buckets => _stores.Keys;

    public bool HasBucket(string bucket) => _stores.ContainsKey(bucket);

    public Task<Stream> OpenReadAsync(ObjectPath path, CancellationToken cancellationToken) =>
        StoreFor(path).OpenReadAsync(path, cancellationToken);

    public Task<ObjectInfo?> StatAsync(ObjectPath path, CancellationToken cancellationToken) =>
        StoreFor(path).StatAsync(path, cancellationToken);

    public Task WriteAsync(ObjectPath path, Stream content, CancellationToken cancellationToken) =>
        StoreFor(path).WriteAsync(path, content, cancellationToken);

    public IAsyncEnumerable<ObjectInfo> ListAsync(ObjectPath prefix, CancellationToken cancellationToken) =>
        StoreFor(prefix).ListAsync(prefix, cancellationToken);

    public Task DeleteAsync(ObjectPath path, CancellationToken cancellationToken) =>
        StoreFor(path).DeleteAsync(path, cancellationToken);

    public Task DeletePrefixAsync(ObjectPath prefix, CancellationToken cancellationToken) =>
        StoreFor(prefix).DeletePrefixAsync(prefix, cancellationToken);

    private IObjectStore StoreFor(ObjectPath path) =>
        _stores.TryGetValue(path.Bucket, out var store) ? store : throw ModelArtsErrors.BucketMissing(path.Bucket);
}
