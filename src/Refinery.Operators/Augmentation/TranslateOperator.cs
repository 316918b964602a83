using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// <c>Translate</c>: shift along <c>translateXY</c>; ModelArts documents no magnitude, so imgaug's TranslateX/Y
/// default applies: up to ±25 % of the image's extent on that axis. What leaves is cut, what enters is black.
/// </summary>
public sealed class TranslateOperator : GeometricAugmentationOperator<TranslateOperator.Params, TranslateOperator.Drawn>
{
    private static readonly NumericRange _shift = new(-0.25, 0.25);

    public sealed record Params(Axis Axis);

    /// <summary>The shift as a fraction of the image's width (X) or height (Y).</summary>
    public sealed record Drawn(Axis Axis, double Fraction);

    public override string Name => "Translate";

    public override Params ParseParams(OperatorParameters parameters) =>
        new(new AugmentationParameters(parameters, "translateXY").Choice("translateXY", Axis.X));

    public override Drawn Draw(Params parameters, Size size, AugmentationRandom random) => new(parameters.Axis, _shift.Draw(random));

    public override AffinePlan Plan(Size size, Drawn drawn) => drawn.Axis == Axis.X
        ? AffinePlan.Translation(drawn.Fraction * size.Width, 0, size)
        : AffinePlan.Translation(0, drawn.Fraction * size.Height, size);
}
