namespace Refinery.Storage;

/// <summary>Reads and writes objects by bucket and key; every byte the engine touches goes through one.</summary>
public interface IObjectStore
{
    /// <summary>Opens an object for streaming reads. Throws <see cref="ObjectNotFoundException"/> when it is absent.</summary>
    Task<Stream> OpenReadAsync(ObjectPath path, CancellationToken cancellationToken);

    /// <summary>The object's size, or null when it does not exist.</summary>
    Task<ObjectInfo?> StatAsync(ObjectPath path, CancellationToken cancellationToken);

    /// <summary>Writes a whole object, replacing any previous one; readers never see a partial object.</summary>
    Task WriteAsync(ObjectPath path, Stream content, CancellationToken cancellationToken);

    /// <summary>
    /// Every object whose key lies under <paramref name="prefix"/> taken as a directory, recursively, streamed in a
    /// deterministic order (depth-first, each directory's entries in ordinal order).
    /// </summary>
    IAsyncEnumerable<ObjectInfo> ListAsync(ObjectPath prefix, CancellationToken cancellationToken);

    /// <summary>Deletes one object; deleting an absent object is not an error.</summary>
    Task DeleteAsync(ObjectPath path, CancellationToken cancellationToken);

    /// <summary>
    /// The path that <paramref name="path"/> really names, for comparing locations: stores where one object can be
    /// reached under several keys (symbolic links) resolve them; the others have one key per object.
    /// </summary>
    ObjectPath Canonicalize(ObjectPath path) => path;

    /// <summary>Deletes every object under <paramref name="prefix"/> taken as a directory.</summary>
    Task DeletePrefixAsync(ObjectPath prefix, CancellationToken cancellationToken);
}
