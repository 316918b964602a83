using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// One augmented sample: the new image (owned by the caller; null when dropped), its size for the VOC
/// <c>&lt;size&gt;</c>, the boxes that survived, and the description for <c>result_description</c>.
/// </summary>
public sealed record AugmentationResult(Mat? Image, Size Size, IReadOnlyList<AugmentedBox> Boxes, bool Dropped, string Description) : IDisposable
{
    public void Dispose() => Image?.Dispose();
}
