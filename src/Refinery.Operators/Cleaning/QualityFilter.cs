using Refinery.Operators.Analysis;
using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Cleaning;

/// <summary>
/// <c>QualityFilter</c> (template <c>sys_data_cleaning</c>): removes the samples cleanvision's rules flag with the chosen
/// issues. Its sample stage is analysis's, measuring no features but every quality score and both hashes; an image it
/// cannot read or decode is removed by that stage with the reason. Its dataset stage decides.
/// </summary>
public static class QualityFilter
{
    public const string OperatorName = "QualityFilter";

    public static PipelineOperator Define(OperatorParameters parameters, OperatorContext context)
    {
        var filter = QualityFilterParams.Parse(parameters);
        var maxPixels = context.Decoder.Limits.MaxPixels;
        var measure = new AnalysisParams(Features: [], IsNormed: false, filter.TaskType, maxPixels);
        return new PipelineOperator(
            OperatorName,
            filter.TaskType,
            new AnalysisSampleOperator(measure, new VocAnnotationBoxReader(), context.Decoder),
            new QualityFilterStage(filter, maxPixels));
    }
}
