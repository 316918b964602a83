using System.Diagnostics;
using OpenCvSharp;

namespace Refinery.Bench.Analysis;

/// <summary>
/// Figure (a): the ceiling for analysis. Reads each file's bytes and decodes them at full size with
/// <c>Cv2.ImDecode</c>, Parallel over files on every core; nothing else.
/// </summary>
public static class DecodeThroughput
{
    public static (double ImagesPerSecond, TimeSpan Wall) Measure(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        DecodeAll(files.Take(Math.Min(files.Count, 64)).ToList(), cancellationToken); // warm-up: JIT, OpenCV's buffers
        var clock = Stopwatch.StartNew();
        DecodeAll(files, cancellationToken);
        clock.Stop();
        return (files.Count / clock.Elapsed.TotalSeconds, clock.Elapsed);
    }

    private static void DecodeAll(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, files.Count, parallel, index =>
        {
            using var pixels = Cv2.ImDecode(File.ReadAllBytes(files[index]), ImreadModes.Unchanged);
            if (pixels.Empty())
            {
                throw new InvalidDataException($"{files[index]} did not decode.");
            }
        });
    }
}
