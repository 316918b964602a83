using Refinery.Domain;
using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Analysis;

/// <summary>
/// The operator of <c>sys_data_analyse</c>: measure every sample (sample stage), then summarise the dataset and add
/// what only the whole dataset tells about each sample (dataset stage).
/// </summary>
public static class FeatureAnalysis
{
    /// <summary>Analysis requests name their operator by the template id (<c>operator_params[0].id</c>).</summary>
    public const string OperatorName = TemplateIds.Analyse;

    public static PipelineOperator Define(OperatorParameters parameters, OperatorContext context)
    {
        var analysis = AnalysisParams.Parse(parameters, context.Decoder.Limits.MaxPixels);
        return new PipelineOperator(
            OperatorName,
            analysis.TaskType,
            new AnalysisSampleOperator(analysis, new VocAnnotationBoxReader(), context.Decoder),
            new AnalysisDatasetStage(analysis));
    }
}
