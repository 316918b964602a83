using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Selection;

/// <summary>
/// <c>SimDeduplication</c> (template <c>sys_data_selection</c>): groups samples whose similarity reaches
/// <c>simlarity_threshold</c> and keeps the first of each group in input order. Its sample stage records an embedding
/// or a perceptual hash; its dataset stage finds the groups through a sub-quadratic index and decides.
/// </summary>
public static class SimDeduplication
{
    public const string OperatorName = "SimDeduplication";

    public static PipelineOperator Define(OperatorParameters parameters, OperatorContext context)
    {
        var deduplication = SimDeduplicationParams.Parse(parameters);
        IImageMeasure measure = deduplication.Method == SimDeduplicationMethod.Embedding
            ? new EmbeddingMeasure(context.Embedder)
            : new PerceptualHashMeasure();
        return new PipelineOperator(
            OperatorName, deduplication.TaskType, new ImageMeasureStage(context.Decoder, measure), new SimDeduplicationStage(deduplication));
    }
}
