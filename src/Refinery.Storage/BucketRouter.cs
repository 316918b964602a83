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

    /// <summary>The store that owns <paramref name="bucket"/>, for what only some kinds of store can do (presigning).</summary>
    public IObjectStore StoreOf(string bucket) =>
        _stores.TryGetValue(bucket, out var store) ? store : throw ModelArtsErrors.BucketMissing(bucket);

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

    public ObjectPath Canonicalize(ObjectPath path) => StoreFor(path).Canonicalize(path);

    /// <summary>
    /// True when <paramref name="path"/> is <paramref name="directory"/> or lies inside it, as written or once symbolic
    /// links are followed (an alias of the folder inside the root). Throws the store's refusal for a path that leads
    /// outside its root or loops.
    /// </summary>
    public bool LiesWithin(ObjectPath path, ObjectPath directory) =>
        path.IsSameOrUnder(directory) || Canonicalize(path).IsSameOrUnder(Canonicalize(directory));

    private IObjectStore StoreFor(ObjectPath path) => StoreOf(path.Bucket);
}
