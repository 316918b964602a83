using Refinery.Domain;
using Refinery.Formats.Manifests;
using Refinery.Storage;

namespace Refinery.Engine;

/// <summary>Writes and copies manifests through the object store without holding them in memory.</summary>
public static class ManifestFiles
{
    /// <summary>Writes the samples as a manifest, spooled to a temporary file first: manifests grow with datasets.</summary>
    public static async Task WriteAsync(
        IObjectStore store,
        ObjectPath path,
        IAsyncEnumerable<Sample> samples,
        string taskType,
        IReadOnlyDictionary<string, bool>? properties,
        CancellationToken cancellationToken)
    {
        await using var spool = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var writer = new ManifestWriter(spool))
        {
            await foreach (var sample in samples.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(sample, taskType, properties, cancellationToken);
            }
        }

        spool.Position = 0;
        await store.WriteAsync(path, spool, cancellationToken);
    }

    public static async Task CopyAsync(IObjectStore store, ObjectPath from, ObjectPath to, CancellationToken cancellationToken)
    {
        await using var content = await store.OpenReadAsync(from, cancellationToken);
        await store.WriteAsync(to, content, cancellationToken);
    }

    public static async IAsyncEnumerable<Sample> ReadAsync(
        IObjectStore store, ObjectPath path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(path, cancellationToken);
        await foreach (var sample in ManifestReader.ReadAsync(stream, cancellationToken))
        {
            yield return sample;
        }
    }
}
