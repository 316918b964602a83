using Refinery.Imaging.Analysis;

namespace Refinery.Operators.Analysis;

/// <summary>
/// The dataset's sizes (sqrt(W)·sqrt(H)) in a fixed-size quantile sketch, from which cleanvision's odd_size fences are
/// drawn once every sample has been seen.
/// </summary>
public sealed class OddSizeSketch(long maxImagePixels)
{
    // Over sqrt(W)·sqrt(H) ∈ [0, sqrt(max pixels)]: 10 000 px / 16 384 bins bounds the quartiles' error by 0.61 px at
    // the default limit (exact whenever a bin holds one size, the usual case).
    private const int SizeBins = 16_384;

    private readonly QuantileHistogram _sizes = new(0, Math.Sqrt(maxImagePixels), SizeBins);

    public void Add(double size) => _sizes.Add(size);

    /// <summary>The fences over what was added; null when nothing was.</summary>
    public OddSizeFences? Fences() => _sizes.Count > 0 ? OddSizeFences.FromQuartiles(_sizes.Quantile(0.25), _sizes.Quantile(0.75)) : null;
}
