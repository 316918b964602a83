using System.Runtime.CompilerServices;
using Refinery.Domain;
using Refinery.Storage;

namespace Refinery.Formats.Folders;

/// <summary>
/// Reads a dataset laid out as folders: images anywhere below the folder, classification labels from the first-level
/// sub-folder names, and PASCAL VOC files beside their images with the same stem.
/// </summary>
public static class FolderDatasetScanner
{
    // Every casing of ".xml", commonest first. Probing is needed because the listing interleaves a directory's files
    // with its sub-folders' contents, so an image's XML may not have been seen yet when the image is.
    private static readonly string[] _annotationExtensions =
        [".xml", ".XML", ".Xml", ".xmL", ".xMl", ".xML", ".XmL", ".XMl"];

    /// <summary>Streams every image under <paramref name="directory"/> as a sample, in the store's listing order.</summary>
    public static async IAsyncEnumerable<ScannedSample> ScanAsync(
        IObjectStore store,
        ObjectPath directory,
        string taskType,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!TaskTypes.IsKnown(taskType))
        {
            throw new ArgumentException($"Unknown task type '{taskType}'.", nameof(taskType));
        }

        var directoryKey = directory.Key.TrimEnd('/');
        var relativeStart = directoryKey.Length == 0 ? 0 : directoryKey.Length + 1;
        await foreach (var info in store.ListAsync(directory, cancellationToken).ConfigureAwait(false))
        {
            var key = info.Path.Key;
            if (!ImageFileTypes.IsImage(key))
            {
                continue;
            }

            var relativePath = key[relativeStart..];
            var annotation = await FindAnnotationAsync(store, info.Path, cancellationToken).ConfigureAwait(false);
            var sample = new Sample(
                info.Path.ToUri(),
                Labels: taskType == TaskTypes.ImageClassification ? LabelsOf(relativePath) : [],
                AnnotationLocation: annotation?.ToUri());
            yield return new ScannedSample(sample, relativePath);
        }
    }

    /// <summary>The first-level folder's name as the only label; images directly in the scanned folder have none.</summary>
    private static IReadOnlyList<string> LabelsOf(string relativePath)
    {
        var slash = relativePath.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? [relativePath[..slash]] : [];
    }

    private static async Task<ObjectPath?> FindAnnotationAsync(
        IObjectStore store,
        ObjectPath image,
        CancellationToken cancellationToken)
    {
        var stem = image.Key[..image.Key.LastIndexOf('.')];
        foreach (var extension in _annotationExtensions)
        {
            var candidate = image with { Key = stem + extension };
            try
            {
                if (await store.StatAsync(candidate, cancellationToken).ConfigureAwait(false) is not null)
                {
                    return candidate;
                }
            }
            catch (ModelArtsException)
            {
                // The store refuses to look (a link out of the root or in a loop, a control character in the name).
                // One sample's problem: it becomes the annotation, so the sample's outcome names the refusal.
                return candidate;
            }
        }

        return null;
    }
}
