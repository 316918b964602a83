using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// The <c>sys_data_augmentation</c> operators as pipeline operators: each is one sample stage that keeps the sample
/// and adds one augmented copy of it.
/// </summary>
public static class DataAugmentation
{
    /// <summary>How the registry builds <paramref name="augmentation"/> from its params (a 400 naming a bad one).</summary>
    public static Func<OperatorParameters, OperatorContext, PipelineOperator> Define(IAugmentationOperator augmentation) =>
        (parameters, context) =>
        {
            var taskType = parameters.GetTaskType();
            var parsed = augmentation.Parse(parameters);
            var seed = parameters.GetString("seed") ?? context.VersionId;
            var stage = new AugmentationSampleStage(parsed, seed, context.OperatorIndex, context.Decoder);
            return new PipelineOperator(augmentation.Name, taskType, stage, DatasetStage: null);
        };
}
