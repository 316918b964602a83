namespace Refinery.Operators.Augmentation;

/// <summary>An operator ModelArts documents without parameters: its variation is all in the drawn values.</summary>
public abstract class ParameterlessAugmentationOperator<TDrawn> : AugmentationOperator<NoParameters, TDrawn>
    where TDrawn : notnull
{
    public sealed override NoParameters ParseParams(OperatorParameters parameters)
    {
        _ = new AugmentationParameters(parameters);
        return NoParameters.Instance;
    }
}
