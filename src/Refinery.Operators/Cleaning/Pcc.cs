using Refinery.Operators.Pipeline;
using Refinery.Operators.Selection;

namespace Refinery.Operators.Cleaning;

/// <summary>
/// <c>PCC</c> (template <c>sys_data_cleaning</c>): keeps the samples like the prototype images and unlike the
/// criticism images. Its sample stage records each image's embedding (an image it cannot read or decode is removed
/// with the reason); its dataset stage embeds the reference folders once and decides.
/// </summary>
public static class Pcc
{
    public const string OperatorName = "PCC";

    public static PipelineOperator Define(OperatorParameters parameters, OperatorContext context)
    {
        var pcc = PccParams.Parse(parameters, context.Storage);
        return new PipelineOperator(
            OperatorName,
            pcc.TaskType,
            new ImageMeasureStage(context.Decoder, new EmbeddingMeasure(context.Embedder)),
            new PccStage(pcc, context),
            pcc.ReferenceFolders);
    }
}
