using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// The shape ModelArts gives <c>Scale</c> and <c>Shear</c>: an axis key (<c>X</c>|<c>Y</c>) and a [min, max] range
/// the amount is drawn from; each operator names its keys and turns the amount into a plan.
/// </summary>
public abstract class AxisRangeOperator : GeometricAugmentationOperator<AxisRangeOperator.Params, AxisRangeOperator.Drawn>
{
    public sealed record Params(Axis Axis, NumericRange Amount);

    /// <param name="Amount">The scale factor (Scale) or the angle in degrees (Shear).</param>
    public sealed record Drawn(Axis Axis, double Amount);

    /// <summary>The axis key, the range's two keys, its default and the bounds a value must keep.</summary>
    protected abstract (string Axis, string Min, string Max, NumericRange Default, double Lowest, double Highest) Keys { get; }

    public sealed override Params ParseParams(OperatorParameters parameters)
    {
        var keys = Keys;
        var read = new AugmentationParameters(parameters, keys.Axis, keys.Min, keys.Max);
        return new Params(read.Choice(keys.Axis, Axis.X), read.Range(keys.Min, keys.Max, keys.Default, keys.Lowest, keys.Highest));
    }

    public sealed override Drawn Draw(Params parameters, Size size, AugmentationRandom random) => new(parameters.Axis, parameters.Amount.Draw(random));
}
