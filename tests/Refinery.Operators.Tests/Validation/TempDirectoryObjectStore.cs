using System.Runtime.CompilerServices;
using Refinery.Storage;

namespace Refinery.Operators.Tests.Validation;

/// <summary>A test-only object store: each bucket is a sub-directory of a temporary directory.</summary>
internal sealed class TempDirectoryObjectStore(string root) : IObjectStore
{
    public string Root { get; } = root;

    public string FileOf(ObjectPath path) => Path.Combine(Root, path.Bucket, path.Key);

    public Task<Stream> OpenReadAsync(ObjectPath path, CancellationToken cancellationToken)
    {
        var file = FileOf(path);
        return File.Exists(file) ? Task.FromResult<Stream>(File.OpenRead(file)) : throw new ObjectNotFoundException(path);
    }

    public Task<ObjectInfo?> StatAsync(ObjectPath path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(FileOf(path));
        return Task.FromResult(file.Exists ? new ObjectInfo(path, file.Length) : null);
    }

    public async Task WriteAsync(ObjectPath path, Stream content, CancellationToken cancellationToken)
    {
        var file = FileOf(path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using var target = File.Create(file);
        await content.CopyToAsync(target, cancellationToken);
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(ObjectPath prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var directory = FileOf(prefix);
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var key = Path.GetRelativePath(Path.Combine(Root, prefix.Bucket), file).Replace('\\', '/');
            yield return new ObjectInfo(new ObjectPath(prefix.Bucket, key), new FileInfo(file).Length);
        }

        await Task.CompletedTask;
    }

    public Task DeleteAsync(ObjectPath path, CancellationToken cancellationToken)
    {
        File.Delete(FileOf(path));
        return Task.CompletedTask;
    }

    public Task DeletePrefixAsync(ObjectPath prefix, CancellationToken cancellationToken)
    {
        var directory = FileOf(prefix);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
