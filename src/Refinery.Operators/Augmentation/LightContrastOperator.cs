using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// <c>LightContrast</c>: imgaug's contrast curves, one chosen by <c>func</c>, with imgaug's default ranges:
/// gamma 255·(v/255)^γ, γ∈[0.7, 1.7]; sigmoid 255/(1+exp(gain·(cutoff − v/255))), gain∈[5, 6], cutoff∈[0.3, 0.6];
/// log 255·gain·log2(1 + v/255), gain∈[0.4, 1.6]; linear 127 + α·(v − 127), α∈[0.6, 1.4].
/// </summary>
public sealed class LightContrastOperator : AugmentationOperator<LightContrastOperator.Function, LightContrastOperator.Drawn>
{
    public enum Function
    {
        Gamma,
        Sigmoid,
        Log,
        Linear,
    }

    /// <param name="Strength">γ, the sigmoid or log gain, or the linear α.</param>
    /// <param name="Cutoff">The sigmoid's midpoint; 0 for the other curves.</param>
    public sealed record Drawn(Function Function, double Strength, double Cutoff);

    public override string Name => "LightContrast";

    public override Function ParseParams(OperatorParameters parameters) =>
        new AugmentationParameters(parameters, "func").Choice("func", Function.Gamma);

    public override Drawn Draw(Function parameters, Size size, AugmentationRandom random) => parameters switch
    {
        Function.Gamma => new Drawn(parameters, random.Uniform(0.7, 1.7), 0),
        Function.Sigmoid => new Drawn(parameters, random.Uniform(5, 6), random.Uniform(0.3, 0.6)),
        Function.Log => new Drawn(parameters, random.Uniform(0.4, 1.6), 0),
        _ => new Drawn(parameters, random.Uniform(0.6, 1.4), 0),
    };

    /// <summary>The output and the 256-entry table.</summary>
    public override long ApplyBytes(Size size, Drawn drawn) => PixelBytes.Bgr(size) + 256;

    public override Mat ApplyToImage(Mat image, Drawn drawn) => IntensityTable.Apply(image, Curve(drawn));

    public static Func<double, double> Curve(Drawn drawn) => drawn.Function switch
    {
        Function.Gamma => v => 255 * Math.Pow(v / 255, drawn.Strength),
        Function.Sigmoid => v => 255 / (1 + Math.Exp(drawn.Strength * (drawn.Cutoff - (v / 255)))),
        Function.Log => v => 255 * drawn.Strength * Math.Log2(1 + (v / 255)),
        _ => v => 127 + (drawn.Strength * (v - 127)),
    };
}
