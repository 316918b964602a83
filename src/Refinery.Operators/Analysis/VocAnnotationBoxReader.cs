using Refinery.Domain;
using Refinery.Formats.Voc;
using Refinery.Imaging.Analysis;
using Refinery.Storage;

namespace Refinery.Operators.Analysis;

/// <summary>
/// Reads a sample's rectangle boxes from its PASCAL VOC file. Analysis describes the dataset as it is, so an annotation
/// that is missing, unreadable or not VOC makes the sample unlabelled rather than failing it. Stateless and thread-safe.
/// </summary>
public sealed class VocAnnotationBoxReader : IAnnotationBoxReader
{
    /// <summary>
    /// The <c>bndbox</c>es of the sample's objects in document order (objects without one, such as polygons, are
    /// skipped); null when the sample has no annotation or it cannot be read.
    /// </summary>
    public async ValueTask<IReadOnlyList<BoxRect>?> ReadBoxesAsync(Sample sample, IObjectStore inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(inputs);
        if (sample.AnnotationLocation is not { } location
            || !SampleLocationParser.TryParse(SampleLocationParser.AnnotationField, location, out var path, out _))
        {
            return null;
        }

        VocReadResult read;
        try
        {
            await using var stream = await inputs.OpenReadAsync(path, cancellationToken);
            read = VocAnnotationReader.Read(stream);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Stores surface their own exception types (not found, S3, file system); any of them leaves the image unlabelled.
            return null;
        }

        if (!read.Succeeded)
        {
            return null;
        }

        return [.. read.Annotation.Objects
            .Select(item => item.Box)
            .OfType<VocBox>()
            .Select(box => new BoxRect(box.XMin, box.YMin, box.XMax, box.YMax))];
    }
}
