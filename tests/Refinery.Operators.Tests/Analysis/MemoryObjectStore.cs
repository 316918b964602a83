using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Refinery.Storage;

namespace Refinery.Operators.Tests.Analysis;

/// <summary>An object store held in memory, for operator tests that need real bytes behind obs:// paths.</summary>
internal sealed class MemoryObjectStore : IObjectStore
{
    private readonly ConcurrentDictionary<ObjectPath, byte[]> _objects = new();

    public void Put(string bucket, string key, byte[] content) => _objects[new ObjectPath(bucket, key)] = content;

    public Task<Stream> OpenReadAsync(ObjectPath path, CancellationToken cancellationToken) =>
        _objects.TryGetValue(path, out var content)
            ? Task.FromResult<Stream>(new MemoryStream(content, writable: false))
            : throw new ObjectNotFoundException(path);

    public Task<ObjectInfo?> StatAsync(ObjectPath path, CancellationToken cancellationToken) =>
        Task.FromResult(_objects.TryGetValue(path, out var content) ? new ObjectInfo(path, content.Length) : null);

    public async Task WriteAsync(ObjectPath path, Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        _objects[path] = buffer.ToArray();
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(ObjectPath prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var (path, content) in _objects.OrderBy(pair => pair.Key.Key, StringComparer.Ordinal))
        {
            if (path.Bucket == prefix.Bucket && path.Key.StartsWith(prefix.Key, StringComparison.Ordinal))
            {
                yield return new ObjectInfo(path, content.Length);
            }
        }
    }

    public Task DeleteAsync(ObjectPath path, CancellationToken cancellationToken)
    {
        _objects.TryRemove(path, out _);
        return Task.CompletedTask;
    }

    public Task DeletePrefixAsync(ObjectPath prefix, CancellationToken cancellationToken)
    {
        foreach (var path in _objects.Keys.Where(p => p.Bucket == prefix.Bucket && p.Key.StartsWith(prefix.Key, StringComparison.Ordinal)))
        {
            _objects.TryRemove(path, out _);
        }

        return Task.CompletedTask;
    }
}
