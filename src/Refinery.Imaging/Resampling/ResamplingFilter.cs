namespace Refinery.Imaging.Resampling;

/// <summary>
/// A convolution kernel of Pillow's resampler: its weight function and its support (half-width, in source pixels at
/// scale 1). The support widens by the scale factor when reducing, which is what makes Pillow's resize antialias.
/// </summary>
public sealed class ResamplingFilter
{
    private readonly Func<double, double> _weight;

    private ResamplingFilter(string name, double support, Func<double, double> weight)
    {
        Name = name;
        Support = support;
        _weight = weight;
    }

    /// <summary>Pillow's BICUBIC: Keys' cubic convolution with a = −0.5, support 2. <c>Image.resize</c>'s default.</summary>
    public static ResamplingFilter Bicubic { get; } = new("BICUBIC", 2, BicubicWeight);

    /// <summary>Pillow's LANCZOS (imagehash's ANTIALIAS): sinc windowed by sinc(x/3), support 3.</summary>
    public static ResamplingFilter Lanczos { get; } = new("LANCZOS", 3, LanczosWeight);

    public string Name { get; }

    public double Support { get; }

    public double Weight(double x) => _weight(x);

    public override string ToString() => Name;

    // The expressions keep Pillow's operation order: the coefficients must round to the same doubles.
    private static double BicubicWeight(double x)
    {
        const double a = -0.5;
        if (x < 0.0)
        {
            x = -x;
        }

        if (x < 1.0)
        {
            return ((((a + 2.0) * x) - (a + 3.0)) * x * x) + 1;
        }

        if (x < 2.0)
        {
            return ((((x - 5) * x) + 8) * x - 4) * a;
        }

        return 0.0;
    }

    private static double LanczosWeight(double x) => x is >= -3.0 and < 3.0 ? Sinc(x) * Sinc(x / 3) : 0.0;

    private static double Sinc(double x)
    {
        if (x == 0.0)
        {
            return 1.0;
        }

        x *= Math.PI;
        return Math.Sin(x) / x;
    }
}
