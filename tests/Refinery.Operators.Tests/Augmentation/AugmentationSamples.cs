using OpenCvSharp;
using Refinery.Formats.Voc;
using Refinery.Operators.Augmentation;

namespace Refinery.Operators.Tests.Augmentation;

/// <summary>Random images and boxes made in the test from a seed (System.Random is fine here: it only makes inputs).</summary>
internal static class AugmentationSamples
{
    public static Mat RandomImage(int seed, int width, int height)
    {
        var random = new Random(seed);
        var image = new Mat(height, width, MatType.CV_8UC3);
        var bytes = new byte[width * height * 3];
        random.NextBytes(bytes);
        bytes.CopyTo(image.AsSpan<byte>());
        return image;
    }

    /// <summary>1–5 boxes with integer corners inside the image and sides of at least 2 px (what validation lets through).</summary>
    public static IReadOnlyList<VocBox> RandomBoxes(int seed, int width, int height)
    {
        var random = new Random(seed ^ 0x5A5A5A);
        var count = random.Next(1, 6);
        var boxes = new List<VocBox>(count);
        for (var index = 0; index < count; index++)
        {
            var xMin = random.Next(0, width - 2);
            var yMin = random.Next(0, height - 2);
            boxes.Add(new VocBox(xMin, yMin, random.Next(xMin + 2, width + 1), random.Next(yMin + 2, height + 1)));
        }

        return boxes;
    }

    public static Mat Uniform(int width, int height, byte value) => new(height, width, MatType.CV_8UC3, Scalar.All(value));

    public static IAugmentation Parse(string name, string json = "{}") =>
        AugmentationOperators.Find(name).Parse(new OperatorParameters(System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject()));

    public static byte[] Bytes(Mat image) => image.AsSpan<byte>().ToArray();

    public static AugmentationRandom Random(int seed = 1) => AugmentationRandom.ForSample(seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "sample", 0);
}
