using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Selection;

/// <summary>
/// <c>RRD</c> (template <c>sys_data_selection</c>, de-redundancy): keeps round(<c>sample_ratio</c> × N) samples chosen by
/// greedy k-center over their embeddings, per k-means cluster, and removes the most redundant rest.
/// </summary>
public static class Rrd
{
    public const string OperatorName = "RRD";

    public static PipelineOperator Define(OperatorParameters parameters, OperatorContext context)
    {
        var rrd = RrdParams.Parse(parameters);
        return new PipelineOperator(
            OperatorName, rrd.TaskType, new ImageMeasureStage(context.Decoder, new EmbeddingMeasure(context.Embedder)), new RrdStage(rrd));
    }
}
