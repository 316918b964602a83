using Refinery.Domain;
using Refinery.Imaging.Analysis;

namespace Refinery.Operators.Analysis;

/// <summary><c>sys_data_analyse</c>'s params, parsed once; every bad value is a 400 naming the parameter.</summary>
/// <param name="Features">The selected features in catalog order (<c>op_list</c>; empty = every feature the task type has).</param>
/// <param name="IsNormed">Histogram counts become fractions of the feature's count (<c>is_normed</c>).</param>
/// <param name="TaskType">image_classification or object_detection.</param>
/// <param name="MaxImagePixels">
/// Images with more pixels (W·H, from the header) are refused before decoding (<c>max_image_pixels</c>, clamped to
/// the server's own pixel limit: a caller may lower the limit, never raise it).
/// </param>
public sealed record AnalysisParams(
    IReadOnlyList<AnalysisFeatureDefinition> Features,
    bool IsNormed,
    string TaskType,
    long MaxImagePixels)
{
    public const long DefaultMaxImagePixels = 100_000_000;

    public AnalysisFeatures Flags => Features.Aggregate(AnalysisFeatures.None, (flags, feature) => flags | feature.Flag);

    /// <param name="parameters">The operator's <c>params</c>.</param>
    /// <param name="serverMaxPixels">The server's pixel limit, which <c>max_image_pixels</c> cannot exceed.</param>
    public static AnalysisParams Parse(OperatorParameters parameters, long serverMaxPixels)
    {
        var taskType = parameters.GetTaskType();

        var hasBoxes = taskType == TaskTypes.ObjectDetection;
        var requested = parameters.GetList("op_list").Where(id => id.Length > 0).ToList();
        var selected = new HashSet<AnalysisFeatureDefinition>();
        foreach (var id in requested)
        {
            var feature = AnalysisFeatureCatalog.Find(id) ?? throw ModelArtsErrors.InvalidArgument(
                "params.op_list", $"unknown feature '{id}'; valid features: {string.Join(", ", AnalysisFeatureCatalog.All.Select(f => f.Id))}");
            if (feature.NeedsBoxes && !hasBoxes)
            {
                throw ModelArtsErrors.InvalidArgument(
                    "params.op_list", $"feature '{feature.Id}' needs boxes: use task_type {TaskTypes.ObjectDetection}");
            }

            selected.Add(feature);
        }

        var features = AnalysisFeatureCatalog.All
            .Where(feature => requested.Count == 0 ? hasBoxes || !feature.NeedsBoxes : selected.Contains(feature))
            .ToList();

        var maxPixels = parameters.GetDouble("max_image_pixels", DefaultMaxImagePixels);
        if (maxPixels < 1 || maxPixels > long.MaxValue)
        {
            throw ModelArtsErrors.InvalidArgument("params.max_image_pixels", $"must be a positive pixel count, got '{maxPixels}'");
        }

        return new AnalysisParams(features, parameters.GetBool("is_normed", false), taskType, (long)Math.Min(maxPixels, serverMaxPixels));
    }
}
