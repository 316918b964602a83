using Refinery.Domain;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// <c>StyleGAN</c> and <c>CycleGAN</c>: ModelArts lists them beside the augmentations, but they train a generative
/// model for hours on a GPU; Refinery refuses them by name instead of pretending.
/// </summary>
public sealed class TrainingJobOperator(string name) : IAugmentationOperator
{
    public string Name { get; } = name;

    public IAugmentation Parse(OperatorParameters parameters) =>
        throw ModelArtsErrors.InvalidArgument(
            "operator_params.name",
            $"{Name} trains a generative model (a training job), it is not an augmentation; Refinery does not run it. Use the augmentation operators ({string.Join(", ", AugmentationOperators.Names)}).");
}
