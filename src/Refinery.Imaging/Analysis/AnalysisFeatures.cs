namespace Refinery.Imaging.Analysis;

/// <summary>The features an analysis computes; the kernels skip the work of features that are not asked for.</summary>
[Flags]
public enum AnalysisFeatures
{
    None = 0,
    Resolution = 1 << 0,
    AspectRatio = 1 << 1,
    Brightness = 1 << 2,
    Saturation = 1 << 3,
    Clarity = 1 << 4,
    Colorfulness = 1 << 5,
    BboxNum = 1 << 6,
    BboxAreaStd = 1 << 7,
    BboxAspectRatio = 1 << 8,
    BboxAreaRatio = 1 << 9,
    BboxMarginalization = 1 << 10,
    BboxOverlap = 1 << 11,
    BboxBrightness = 1 << 12,
    BboxClarity = 1 << 13,
    ImageFeatures = Resolution | AspectRatio | Brightness | Saturation | Clarity | Colorfulness,
    BoxFeatures = BboxNum | BboxAreaStd | BboxAspectRatio | BboxAreaRatio | BboxMarginalization | BboxOverlap | BboxBrightness | BboxClarity,
    All = ImageFeatures | BoxFeatures,
}
