using Refinery.Domain;
using Refinery.Imaging.Analysis;
using Refinery.Operators.Analysis;
using Refinery.Storage;

namespace Refinery.Operators.Tests.Analysis;

/// <summary>Boxes by image source, standing in for the VOC reader the integrator plugs in.</summary>
internal sealed class FixedBoxReader(IReadOnlyDictionary<string, BoxRect[]>? boxes = null) : IAnnotationBoxReader
{
    public ValueTask<IReadOnlyList<BoxRect>?> ReadBoxesAsync(Sample sample, IObjectStore inputs, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<BoxRect>?>(boxes is not null && boxes.TryGetValue(sample.Source, out var found) ? found : null);
}
