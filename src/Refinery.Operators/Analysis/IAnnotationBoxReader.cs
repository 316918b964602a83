using Refinery.Domain;
using Refinery.Imaging.Analysis;
using Refinery.Storage;

namespace Refinery.Operators.Analysis;

/// <summary>Reads a sample's annotation boxes (PASCAL VOC <c>bndbox</c>es) in original-image pixels.</summary>
public interface IAnnotationBoxReader
{
    /// <summary>The sample's boxes, or null when it has no annotation.</summary>
    ValueTask<IReadOnlyList<BoxRect>?> ReadBoxesAsync(Sample sample, IObjectStore inputs, CancellationToken cancellationToken);
}
