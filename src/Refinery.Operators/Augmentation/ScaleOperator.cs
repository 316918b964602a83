using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary><c>Scale</c>: stretch one axis (<c>scaleXY</c>) about the centre by a factor in [<c>scale_min</c>, <c>scale_max</c>]; canvas kept.</summary>
public sealed class ScaleOperator : GeometricAugmentationOperator<ScaleOperator.Params, ScaleOperator.Drawn>
{
    public sealed record Params(Axis Axis, NumericRange Factor);

    public sealed record Drawn(Axis Axis, double Factor);

    public override string Name => "Scale";

    public override Params ParseParams(OperatorParameters parameters)
    {
        var read = new AugmentationParameters(parameters, "scaleXY", "scale_min", "scale_max");
        return new Params(read.Choice("scaleXY", Axis.X), read.Range("scale_min", "scale_max", new NumericRange(0.5, 1.5), 0.01, 10));
    }

    public override Drawn Draw(Params parameters, Size size, AugmentationRandom random) => new(parameters.Axis, parameters.Factor.Draw(random));

    public override AffinePlan Plan(Size size, Drawn drawn) => drawn.Axis == Axis.X
        ? AffinePlan.AboutCentre(drawn.Factor, 0, 0, 1, size)
        : AffinePlan.AboutCentre(1, 0, 0, drawn.Factor, size);
}
