using Refinery.Imaging.Analysis;

namespace Refinery.Operators.Analysis;

/// <summary>
/// The features of operators.md Part B §1, in result order. The spec's prose says "7 box features" but its table
/// defines eight (bbox_num through bbox_clarity); all eight are here.
/// </summary>
public static class AnalysisFeatureCatalog
{
    public static IReadOnlyList<AnalysisFeatureDefinition> All { get; } =
    [
        new("resolution", AnalysisFeatures.Resolution, FeatureScope.Image, NeedsBoxes: false),
        new("aspect_ratio", AnalysisFeatures.AspectRatio, FeatureScope.Image, NeedsBoxes: false),
        new("brightness", AnalysisFeatures.Brightness, FeatureScope.Image, NeedsBoxes: false),
        new("saturation", AnalysisFeatures.Saturation, FeatureScope.Image, NeedsBoxes: false),
        new("clarity", AnalysisFeatures.Clarity, FeatureScope.Image, NeedsBoxes: false),
        new("colorfulness", AnalysisFeatures.Colorfulness, FeatureScope.Image, NeedsBoxes: false),
        new("bbox_num", AnalysisFeatures.BboxNum, FeatureScope.Image, NeedsBoxes: true),
        new("bbox_area_std", AnalysisFeatures.BboxAreaStd, FeatureScope.Image, NeedsBoxes: true),
        new("bbox_aspect_ratio", AnalysisFeatures.BboxAspectRatio, FeatureScope.Box, NeedsBoxes: true),
        new("bbox_area_ratio", AnalysisFeatures.BboxAreaRatio, FeatureScope.Box, NeedsBoxes: true),
        new("bbox_marginalization", AnalysisFeatures.BboxMarginalization, FeatureScope.Box, NeedsBoxes: true),
        new("bbox_overlap", AnalysisFeatures.BboxOverlap, FeatureScope.Box, NeedsBoxes: true),
        new("bbox_brightness", AnalysisFeatures.BboxBrightness, FeatureScope.Box, NeedsBoxes: true),
        new("bbox_clarity", AnalysisFeatures.BboxClarity, FeatureScope.Box, NeedsBoxes: true),
    ];

    public static AnalysisFeatureDefinition? Find(string id) =>
        All.FirstOrDefault(feature => string.Equals(feature.Id, id, StringComparison.OrdinalIgnoreCase));
}
