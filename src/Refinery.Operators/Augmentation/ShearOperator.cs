using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary><c>Shear</c>: shear along <c>shearXY</c> about the centre by an angle in [<c>shear_min</c>, <c>shear_max</c>] degrees; canvas kept.</summary>
public sealed class ShearOperator : AxisRangeOperator
{
    public override string Name => "Shear";

    protected override (string Axis, string Min, string Max, NumericRange Default, double Lowest, double Highest) Keys =>
        ("shearXY", "shear_min", "shear_max", new NumericRange(-30, 30), -80, 80);

    public override AffinePlan Plan(Size size, Drawn drawn)
    {
        var slope = Math.Tan(drawn.Amount * Math.PI / 180);
        return drawn.Axis == Axis.X ? AffinePlan.AboutCentre(1, slope, 0, 1, size) : AffinePlan.AboutCentre(1, 0, slope, 1, size);
    }
}
