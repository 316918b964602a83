using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary><c>Flip</c>: mirror left–right (<c>lr</c>) or up–down (<c>ud</c>) with probability <c>flip_p</c>.</summary>
public sealed class FlipOperator : GeometricAugmentationOperator<FlipOperator.Params, FlipOperator.Drawn>
{
    public enum Direction
    {
        Lr,
        Ud,
    }

    public sealed record Params(Direction Direction, double Probability);

    public sealed record Drawn(Direction Direction, bool Flipped);

    public override string Name => "Flip";

    public override Params ParseParams(OperatorParameters parameters)
    {
        var read = new AugmentationParameters(parameters, "lr_ud", "flip_p");
        return new Params(read.Choice("lr_ud", Direction.Lr), read.Probability("flip_p", 1));
    }

    public override Drawn Draw(Params parameters, Size size, AugmentationRandom random) =>
        new(parameters.Direction, random.Chance(parameters.Probability));

    // x' = W − x mirrors the continuous coordinates: xmin' = W − xmax, xmax' = W − xmin.
    public override AffinePlan Plan(Size size, Drawn drawn) => (drawn.Flipped, drawn.Direction) switch
    {
        (false, _) => AffinePlan.Translation(0, 0, size),
        (true, Direction.Lr) => new AffinePlan(-1, 0, size.Width, 0, 1, 0, size),
        _ => new AffinePlan(1, 0, 0, 0, -1, size.Height, size),
    };

    public override Mat ApplyToImage(Mat image, Drawn drawn)
    {
        if (!drawn.Flipped)
        {
            return image.Clone();
        }

        var output = new Mat();
        Cv2.Flip(image, output, drawn.Direction == Direction.Lr ? FlipMode.Y : FlipMode.X);
        return output;
    }
}
