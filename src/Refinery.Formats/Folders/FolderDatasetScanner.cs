using System.Runtime.CompilerServices;
using Refinery.Domain;
using Refinery.Storage;

namespace Refinery.Formats.Folders;

/// <summary>
/// Reads a dataset laid out as folders: images anywhere below the folder, classification labels from the first-level
/// sub-folder names, and PASCAL VOC files beside their images with the same stem, found in the same listing.
/// </summary>
public static class FolderDatasetScanner
{
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
        var matcher = new AnnotationMatcher();
        await foreach (var info in store.ListAsync(directory, cancellationToken).ConfigureAwait(false))
        {
            foreach (var image in matcher.Accept(info))
            {
                yield return ToSample(image, relativeStart, taskType);
            }
        }

        foreach (var image in matcher.Finish())
        {
            yield return ToSample(image, relativeStart, taskType);
        }
    }

    private static ScannedSample ToSample(MatchedImage image, int relativeStart, string taskType)
    {
        var relativePath = image.Image.Path.Key[relativeStart..];
        var sample = new Sample(
            image.Image.Path.ToUri(),
            Labels: taskType == TaskTypes.ImageClassification ? LabelsOf(relativePath) : [],
            AnnotationLocation: image.Annotation?.ToUri());
        return new ScannedSample(sample, relativePath);
    }

    /// <summary>The first-level folder's name as the only label; images directly in the scanned folder have none.</summary>
    private static IReadOnlyList<string> LabelsOf(string relativePath)
    {
        var slash = relativePath.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? [relativePath[..slash]] : [];
    }
}
