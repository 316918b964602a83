using Refinery.Domain;
using Refinery.Imaging.Analysis;
using Refinery.Operators.Analysis;
using Refinery.Storage;

/// <summary>A classification benchmark reads no annotations.</summary>
internal sealed class NoBoxes : IAnnotationBoxReader
{
    public ValueTask<IReadOnlyList<BoxRect>?> ReadBoxesAsync(Sample sample, IObjectStore inputs, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<BoxRect>?>(null);
}
