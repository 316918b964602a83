using System.Diagnostics;
using OpenCvSharp;
using Refinery.TestSupport;

namespace Refinery.Bench.Scale;

/// <summary>
/// The folder the worker benchmark analyses: distinct seeded photo-like JPEGs (quality 90), made once under the bucket
/// directory and reused by later runs of the same size.
/// </summary>
public sealed class ImageFolder(string bucketDirectory, int count, int width, int height)
{
    private const string CompleteMarker = ".complete";

    /// <summary>The folder's path inside the bucket.</summary>
    public string Name { get; } = $"photos-{width}x{height}-n{count}";

    public int Count => count;

    public string Describe() => $"{count} distinct JPEGs of {width}×{height} ({width * height / 1e6:F2} MP, quality 90)";

    public void EnsureMade()
    {
        var directory = Path.Combine(bucketDirectory, Name);
        if (File.Exists(Path.Combine(directory, CompleteMarker)))
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var clock = Stopwatch.StartNew();
        Parallel.For(0, count, index =>
        {
            using var image = PhotoLikeImages.Create(seed: index, width, height);
            Cv2.ImEncode(".jpg", image, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, 90));
            File.WriteAllBytes(Path.Combine(directory, $"img{index:D6}.jpg"), bytes);
        });
        File.WriteAllText(Path.Combine(directory, CompleteMarker), "");
        Console.WriteLine($"Generated {Describe()} in {clock.Elapsed.TotalSeconds:F1} s into {directory}");
    }
}
