using Refinery.Imaging.Analysis;

namespace Refinery.Operators.Analysis;

/// <summary>One feature of <c>sys_data_analyse</c>: its id in <c>op_list</c> and results, its kernel flag and scope.</summary>
/// <param name="Id">The id used in <c>op_list</c>, in the per-sample values and in the result.</param>
/// <param name="Flag">The kernel flag that computes it.</param>
/// <param name="Scope">One value per image or per box.</param>
/// <param name="NeedsBoxes">True for the bbox_* features, which only object_detection samples with boxes have.</param>
public sealed record AnalysisFeatureDefinition(string Id, AnalysisFeatures Flag, FeatureScope Scope, bool NeedsBoxes);
