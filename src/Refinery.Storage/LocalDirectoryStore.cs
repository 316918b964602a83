using Refinery.Domain;

namespace Refinery.Storage;

/// <summary>
/// Exposes one local directory as one bucket. No key can reach outside the directory, not even through a symbolic link.
/// </summary>
public sealed class LocalDirectoryStore : IObjectStore
{
    /// <summary>Names of in-flight writes start with this; listings never show them.</summary>
    public const string TemporaryFilePrefix = ".refinery-tmp-";

    private const int FileBufferSize = 64 * 1024;

    /// <summary>Creates the store, creating <paramref name="rootDirectory"/> when it is missing.</summary>
    public LocalDirectoryStore(string bucket, string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        Bucket = bucket;
        Directory.CreateDirectory(rootDirectory);

        // Confinement compares real paths, so the root must be real too (it may itself sit behind a link, like /tmp on macOS).
        RootDirectory = RealPath.Resolve(rootDirectory);
    }

    public string Bucket { get; }

    /// <summary>The directory's real path, with every symbolic link resolved.</summary>
    public string RootDirectory { get; }

    public Task<Stream> OpenReadAsync(ObjectPath path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var file = ResolveObject(path);
        try
        {
            Stream stream = new FileStream(
                file,
                FileMode.Open,
                FileAccess.Read,
                FileShare.Read,
                FileBufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult(stream);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException
                                          || (exception is UnauthorizedAccessException && Directory.Exists(file)))
        {
            throw new ObjectNotFoundException(path);
        }
    }

    public Task<ObjectInfo?> StatAsync(ObjectPath path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var file = new FileInfo(ResolveObject(path));
        return Task.FromResult(file.Exists ? new ObjectInfo(path, file.Length) : null);
    }

    public async Task WriteAsync(ObjectPath path, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = ResolveObject(path);
        if (path.Key.Split('/').Any(segment => segment.StartsWith(TemporaryFilePrefix, StringComparison.Ordinal)))
        {
            throw ModelArtsErrors.PathInvalidCharacters(
                path.ToUri(),
                $"names starting with '{TemporaryFilePrefix}' are reserved for writes in progress");
        }

        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);

        // A temporary file in the same directory is on the same file system, so the rename below is atomic:
        // readers see the old object or the new one, never a partial one.
        var temporary = Path.Join(directory, TemporaryFilePrefix + Guid.NewGuid().ToString("N"));
        try
        {
            var output = new FileStream(
                temporary,
                FileMode.CreateNew,
                FileAccess.Write,
                FileShare.None,
                FileBufferSize,
                FileOptions.Asynchronous);
            await using (output.ConfigureAwait(false))
            {
                await content.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);

                // Without this a crash soon after the rename can leave an empty file under the final name.
                output.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public IAsyncEnumerable<ObjectInfo> ListAsync(ObjectPath prefix, CancellationToken cancellationToken)
    {
        var directory = ResolvePrefix(prefix);
        return EnumerateObjects(directory, prefix.Key.TrimEnd('/'), cancellationToken).ToAsyncEnumerable();
    }

    /// <summary>
    /// The key <paramref name="path"/> really leads to once every symbolic link is followed, so that two keys naming
    /// one folder compare equal. Refused (as any other operation would be) when it loops or leads outside the root.
    /// </summary>
    public ObjectPath Canonicalize(ObjectPath path)
    {
        var real = ResolvePrefix(path);
        var relative = Path.GetRelativePath(RootDirectory, real);
        return new ObjectPath(Bucket, relative == "." ? "" : relative.Replace(Path.DirectorySeparatorChar, '/'));
    }

    public Task DeleteAsync(ObjectPath path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var file = ResolveObject(path);
        if (File.Exists(file))
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }

    public Task DeletePrefixAsync(ObjectPath prefix, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var directory = ResolvePrefix(prefix);

        // The bucket's own directory stays: the store was configured with it and goes on serving it.
        var entries = directory == RootDirectory
            ? new DirectoryInfo(directory).EnumerateFileSystemInfos()
            : [new DirectoryInfo(directory)];
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DeleteTree(entry);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Deletes a file, a link or a directory tree that another deleter may be removing at the same time (the engine
    /// clears a version's staging as it ends while a user deletes its task): what is already gone counts as deleted.
    /// </summary>
    private static void DeleteTree(FileSystemInfo entry)
    {
        if (entry is not DirectoryInfo { LinkTarget: null } directory)
        {
            entry.Delete();
            return;
        }

        foreach (var child in EnumerateIfPresent(directory))
        {
            try
            {
                DeleteTree(child);
            }
            catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
            {
                // Removed by the other deleter between the listing and here.
            }
        }

        try
        {
            directory.Delete();
        }
        catch (DirectoryNotFoundException)
        {
            // The other deleter removed the emptied directory first.
        }
    }

    private static List<FileSystemInfo> EnumerateIfPresent(DirectoryInfo directory)
    {
        try
        {
            return directory.EnumerateFileSystemInfos().ToList();
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    private IEnumerable<ObjectInfo> EnumerateObjects(string directory, string key, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        // One sorted directory per level of depth at a time: memory follows the tree's depth and width, never its size.
        var pending = new Stack<DirectoryListingFrame>();
        pending.Push(new DirectoryListingFrame(SortedEntries(new DirectoryInfo(directory)), key));
        while (pending.TryPeek(out var frame))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (frame.Next == frame.Entries.Length)
            {
                pending.Pop();
                continue;
            }

            var entry = frame.Entries[frame.Next++];
            var entryKey = frame.Key.Length == 0 ? entry.Name : $"{frame.Key}/{entry.Name}";
            if (entry is DirectoryInfo subdirectory)
            {
                // Linked directories are not followed: a link to an ancestor would make the listing endless.
                if (subdirectory.LinkTarget is null)
                {
                    pending.Push(new DirectoryListingFrame(SortedEntries(subdirectory), entryKey));
                }

                continue;
            }

            if (entry.Name.StartsWith(TemporaryFilePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (LengthOfConfinedFile((FileInfo)entry) is { } length)
            {
                yield return new ObjectInfo(new ObjectPath(Bucket, entryKey), length);
            }
        }
    }

    private static FileSystemInfo[] SortedEntries(DirectoryInfo directory)
    {
        var entries = directory.GetFileSystemInfos();
        Array.Sort(entries, static (left, right) => string.CompareOrdinal(left.Name, right.Name));
        return entries;
    }

    /// <summary>The file's length, or null when it is a link that is broken, loops or leads outside the root.</summary>
    private long? LengthOfConfinedFile(FileInfo file)
    {
        if (file.LinkTarget is null)
        {
            return file.Length;
        }

        FileInfo target;
        try
        {
            target = new FileInfo(RealPath.ResolveUnder(file.DirectoryName!, [file.Name]));
        }
        catch (IOException)
        {
            // A link loop names no object; one bad link must not break the listing of everything else.
            return null;
        }

        return RealPath.IsWithin(target.FullName, RootDirectory) && target.Exists ? target.Length : null;
    }

    /// <summary>The real file path of an object, after checking that it names an object inside the root.</summary>
    private string ResolveObject(ObjectPath path)
    {
        if (path.Key.Length == 0 || path.Key.EndsWith('/'))
        {
            throw ModelArtsErrors.PathInvalidCharacters(path.ToUri(), "an object key must name a file, not a directory");
        }

        return Resolve(path, path.Key);
    }

    /// <summary>The real directory path of a prefix, after checking that it lies inside the root.</summary>
    private string ResolvePrefix(ObjectPath prefix) => Resolve(prefix, prefix.Key.TrimEnd('/'));

    private string Resolve(ObjectPath path, string key)
    {
        if (!string.Equals(path.Bucket, Bucket, StringComparison.Ordinal))
        {
            throw ModelArtsErrors.BucketMissing(path.Bucket);
        }

        if (ObjectKeyRules.FindViolation(key) is { } rule)
        {
            throw ModelArtsErrors.PathInvalidCharacters(path.ToUri(), rule);
        }

        if (key.Length == 0)
        {
            return RootDirectory;
        }

        string real;
        try
        {
            real = RealPath.ResolveUnder(RootDirectory, key.Split('/'));
        }
        catch (IOException)
        {
            // The kernel's ELOOP: the path names nothing, and the caller's message must not carry server paths.
            throw ModelArtsErrors.PathInvalidCharacters(path.ToUri(), "its symbolic links form a loop");
        }

        if (!RealPath.IsWithin(real, RootDirectory))
        {
            throw ModelArtsErrors.PathInvalidCharacters(
                path.ToUri(),
                "the key leads outside the bucket's directory through a symbolic link");
        }

        return real;
    }
}
