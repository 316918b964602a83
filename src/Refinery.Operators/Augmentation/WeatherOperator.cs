using OpenCvSharp;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// <c>Weather</c>: a drawn overlay (<see cref="WeatherLayers"/>) blended onto the image with a screen blend,
/// out = 255 − (255 − v)(255 − layer)/255, which lightens where the weather is and leaves the rest untouched.
/// </summary>
public sealed class WeatherOperator : AugmentationOperator<WeatherOperator.Mode, WeatherOperator.Drawn>
{
    public enum Mode
    {
        Rain,
        Fog,
        Snow,
        Clouds,
    }

    /// <param name="Density">The share of the image streaks (Rain) or flakes (Snow) cover, the veil's opacity (Fog, Clouds).</param>
    /// <param name="Degrees">The slant of rain streaks from vertical; 0 for the other modes.</param>
    /// <param name="PatternSeed">Seeds where the drops, flakes and cloud cells fall.</param>
    public sealed record Drawn(Mode Mode, double Density, double Degrees, ulong PatternSeed);

    public override string Name => "Weather";

    public override Mode ParseParams(OperatorParameters parameters) =>
        new AugmentationParameters(parameters, "weather_mode").Choice("weather_mode", Mode.Rain);

    public override Drawn Draw(Mode parameters, Size size, AugmentationRandom random) => parameters switch
    {
        Mode.Rain => new Drawn(parameters, random.Uniform(0.02, 0.05), random.Uniform(-20, 20), random.NextStreamSeed()),
        Mode.Snow => new Drawn(parameters, random.Uniform(0.01, 0.03), 0, random.NextStreamSeed()),
        Mode.Fog => new Drawn(parameters, random.Uniform(0.4, 0.7), 0, random.NextStreamSeed()),
        _ => new Drawn(parameters, random.Uniform(0.5, 0.9), 0, random.NextStreamSeed()),
    };

    /// <summary>
    /// The layer, the inverted image and the output: three images. Rendering the layer peaks lower: a veil holds
    /// two float planes (8 bytes a pixel), then one beside its 8-bit plane and the layer (8 again).
    /// </summary>
    public override long ApplyBytes(Size size, Drawn drawn) => 3 * PixelBytes.Bgr(size);

    public override Mat ApplyToImage(Mat image, Drawn drawn)
    {
        using var layer = WeatherLayers.Render(image.Size(), drawn);
        using var inverted = new Mat();
        Cv2.BitwiseNot(image, inverted);
        Cv2.BitwiseNot(layer, layer);
        var output = new Mat();
        Cv2.Multiply(inverted, layer, output, 1.0 / 255);
        Cv2.BitwiseNot(output, output);
        return output;
    }
}
