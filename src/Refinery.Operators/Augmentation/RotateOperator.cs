using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// <c>Rotate</c>: about the centre by an angle drawn in [<c>angle_min</c>, <c>angle_max</c>] degrees
/// (counter-clockwise), canvas kept, corners black. As ModelArts documents, an image one of whose boxes would leave
/// the canvas is dropped rather than clipped.
/// </summary>
public sealed class RotateOperator : GeometricAugmentationOperator<RotateOperator.Params, RotateOperator.Drawn>
{
    /// <summary>The documentation prints angle_min 90 and angle_max −90; clients echo it, so that pair means [−90, 90].</summary>
    private static readonly NumericRange _documentedDefault = new(90, -90);

    public sealed record Params(NumericRange Angle);

    public sealed record Drawn(double Degrees);

    public override string Name => "Rotate";

    protected override bool DropsImageWhenBoxLeaves => true;

    public override Params ParseParams(OperatorParameters parameters)
    {
        var read = new AugmentationParameters(parameters, "angle_min", "angle_max");
        return new Params(read.Range("angle_min", "angle_max", new NumericRange(-90, 90), -360, 360, _documentedDefault));
    }

    public override Drawn Draw(Params parameters, Size size, AugmentationRandom random) => new(parameters.Angle.Draw(random));

    // OpenCV's getRotationMatrix2D form [cos sin; −sin cos]: positive angles turn counter-clockwise on screen.
    public override AffinePlan Plan(Size size, Drawn drawn)
    {
        var radians = drawn.Degrees * Math.PI / 180;
        double cos = Math.Cos(radians), sin = Math.Sin(radians);
        return AffinePlan.AboutCentre(cos, sin, -sin, cos, size);
    }
}
