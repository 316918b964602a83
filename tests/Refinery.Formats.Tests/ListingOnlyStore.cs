using Refinery.Storage;

namespace Refinery.Formats.Tests;

/// <summary>
/// A store that can only list, in the order every store lists: a scan that looks up single objects (one request each
/// against S3) fails on it.
/// </summary>
internal sealed class ListingOnlyStore(string bucket, IEnumerable<string> keys) : IObjectStore
{
    private readonly List<string> _keys = keys.Order(DepthFirstKeyComparer.Instance).ToList();

    public IAsyncEnumerable<ObjectInfo> ListAsync(ObjectPath prefix, CancellationToken cancellationToken)
    {
        var directory = prefix.Key.TrimEnd('/');
        return _keys
            .Where(key => directory.Length == 0 || key.StartsWith(directory + "/", StringComparison.Ordinal))
            .Select(key => new ObjectInfo(new ObjectPath(bucket, key), 1))
            .ToAsyncEnumerable();
    }

    public Task<ObjectInfo?> StatAsync(ObjectPath path, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"The scan looked up {path.Key} on its own instead of reading the listing.");

    public Task<Stream> OpenReadAsync(ObjectPath path, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task WriteAsync(ObjectPath path, Stream content, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteAsync(ObjectPath path, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeletePrefixAsync(ObjectPath prefix, CancellationToken cancellationToken) => throw new NotSupportedException();
}
