using OpenCvSharp;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>
/// Images made to trip exactly one of cleanvision's per-image checks (or none), all 200×150 so that odd_size flags
/// none of them and each from its own pixels so that none duplicates another.
/// </summary>
public static class QualityImages
{
    public const int Width = 200;
    public const int Height = 150;

    /// <summary>Textured noise and shapes over the whole range: no issue.</summary>
    public static byte[] Normal(int seed) => TestImages.Jpeg(Width, Height, seed);

    /// <summary>Noise between 0 and 40: its 99th brightness percentile is far under dark's 0.32.</summary>
    public static byte[] Dark(int seed) => Noise(seed, 0, 40);

    /// <summary>Noise between 246 and 255: 1 − its 5th percentile is under light's 0.05.</summary>
    public static byte[] Light(int seed) => Noise(seed, 246, 255);

    /// <summary>
    /// A smooth hill, black at the border (FIND_EDGES keeps border pixels as they are): a spread histogram and no edges,
    /// so blurry's score is near 0.
    /// </summary>
    public static byte[] Blurry()
    {
        using var hill = new Mat(Height, Width, MatType.CV_8UC3);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var level = (byte)(255.0 * Math.Sin(Math.PI * x / (Width - 1)) * Math.Sin(Math.PI * y / (Height - 1)));
                hill.At<Vec3b>(y, x) = new Vec3b(level, level, level);
            }
        }

        return hill.ImEncode(".png");
    }

    private static byte[] Noise(int seed, int low, int high)
    {
        using var noise = new Mat(Height, Width, MatType.CV_8UC3);
        new RNG((ulong)seed).Fill(noise, DistributionType.Uniform, new Scalar(low, low, low), new Scalar(high + 1, high + 1, high + 1));
        return noise.ImEncode(".png");
    }
}
