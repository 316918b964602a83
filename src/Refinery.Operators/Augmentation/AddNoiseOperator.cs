using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// <c>AddNoise</c>: per-value sensor noise, as imgaug's augmenters: Gauss (<c>loc</c>, <c>scale</c> = σ) and Laplace
/// (<c>loc</c>, <c>scale</c> = b) added; Poisson(<c>lam</c>) counts added; Impulse (each channel value) and
/// SaltAndPepper (whole pixels) set to 0 or 255 with probability <c>p</c>, half each.
/// </summary>
public sealed class AddNoiseOperator : AugmentationOperator<AddNoiseOperator.Params, AddNoiseOperator.Drawn>
{
    public enum Kind
    {
        Gauss,
        Laplace,
        Poisson,
        Impulse,
        SaltAndPepper,
    }

    public sealed record Params(Kind Kind, double Loc, double Scale, double Lam, double P);

    /// <param name="NoiseSeed">Seeds the per-value noise field, itself drawn from the sample's generator.</param>
    public sealed record Drawn(Kind Kind, double Loc, double Scale, double Lam, double P, ulong NoiseSeed);

    /// <summary>Counts above this saturate any 8-bit value; the table's resolution also stops reaching the tails.</summary>
    public const double MaxLambda = 100;

    public override string Name => "AddNoise";

    public override Params ParseParams(OperatorParameters parameters)
    {
        var read = new AugmentationParameters(parameters, "noise_type", "loc", "scale", "lam", "p");
        return new Params(
            read.Choice("noise_type", Kind.Gauss),
            read.Number("loc", 0, -255, 255),
            read.Number("scale", 1, 0, 255),
            read.Number("lam", 2, 0, MaxLambda),
            read.Probability("p", 0.01));
    }

    public override Drawn Draw(Params parameters, Size size, AugmentationRandom random) =>
        new(parameters.Kind, parameters.Loc, parameters.Scale, parameters.Lam, parameters.P, random.NextStreamSeed());

    /// <summary>The output (a clone the noise is written into) and, for the added kinds, the 16-bit noise table.</summary>
    public override long ApplyBytes(Size size, Drawn drawn) => PixelBytes.Bgr(size) + (NoiseTable.Size * sizeof(short));

    public override Mat ApplyToImage(Mat image, Drawn drawn) => drawn.Kind switch
    {
        Kind.Gauss => NoiseFields.Add(image, NoiseTable.Gaussian(drawn.Loc, drawn.Scale), drawn.NoiseSeed),
        Kind.Laplace => NoiseFields.Add(image, NoiseTable.Laplace(drawn.Loc, drawn.Scale), drawn.NoiseSeed),
        Kind.Poisson => NoiseFields.Add(image, NoiseTable.Poisson(drawn.Lam), drawn.NoiseSeed),
        Kind.Impulse => NoiseFields.SaltAndPepper(image, drawn.P, perChannel: true, drawn.NoiseSeed),
        _ => NoiseFields.SaltAndPepper(image, drawn.P, perChannel: false, drawn.NoiseSeed),
    };
}
