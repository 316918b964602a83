using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary><c>Scale</c>: stretch one axis (<c>scaleXY</c>) about the centre by a factor in [<c>scale_min</c>, <c>scale_max</c>]; canvas kept.</summary>
public sealed class ScaleOperator : AxisRangeOperator
{
    public override string Name => "Scale";

    protected override (string Axis, string Min, string Max, NumericRange Default, double Lowest, double Highest) Keys =>
        ("scaleXY", "scale_min", "scale_max", new NumericRange(0.5, 1.5), 0.01, 10);

    public override AffinePlan Plan(Size size, Drawn drawn) => drawn.Axis == Axis.X
        ? AffinePlan.AboutCentre(drawn.Amount, 0, 0, 1, size)
        : AffinePlan.AboutCentre(1, 0, 0, drawn.Amount, size);
}
