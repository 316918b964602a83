using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary><c>Shear</c>: shear along <c>shearXY</c> about the centre by an angle in [<c>shear_min</c>, <c>shear_max</c>] degrees; canvas kept.</summary>
public sealed class ShearOperator : GeometricAugmentationOperator<ShearOperator.Params, ShearOperator.Drawn>
{
    public sealed record Params(Axis Axis, NumericRange Degrees);

    public sealed record Drawn(Axis Axis, double Degrees);

    public override string Name => "Shear";

    public override Params ParseParams(OperatorParameters parameters)
    {
        var read = new AugmentationParameters(parameters, "shearXY", "shear_min", "shear_max");
        return new Params(read.Choice("shearXY", Axis.X), read.Range("shear_min", "shear_max", new NumericRange(-30, 30), -80, 80));
    }

    public override Drawn Draw(Params parameters, Size size, AugmentationRandom random) => new(parameters.Axis, parameters.Degrees.Draw(random));

    public override AffinePlan Plan(Size size, Drawn drawn)
    {
        var slope = Math.Tan(drawn.Degrees * Math.PI / 180);
        return drawn.Axis == Axis.X ? AffinePlan.AboutCentre(1, slope, 0, 1, size) : AffinePlan.AboutCentre(1, 0, slope, 1, size);
    }
}
