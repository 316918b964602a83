namespace Refinery.Operators.Augmentation;

/// <summary>One of ModelArts' <c>sys_data_augmentation</c> operators, looked up by its documented name.</summary>
public interface IAugmentationOperator
{
    /// <summary>The operator name as ModelArts spells it (<c>AddNoise</c>, <c>Flip</c>…).</summary>
    string Name { get; }

    /// <summary>Reads and validates <c>params</c> once, at task creation; a bad value is a 400 naming it.</summary>
    IAugmentation Parse(OperatorParameters parameters);
}
