using OpenCvSharp;
using Refinery.Imaging;
using Refinery.Operators.Augmentation;

namespace Refinery.Operators.Tests.Augmentation;

/// <summary>
/// The bound against everything applying and encoding really touch, OpenCV's internals included: the growth of the
/// process's peak resident memory (Linux's VmHWM, reset through <c>/proc/self/clear_refs</c>) over a sample.
/// </summary>
[Collection(nameof(ResidentMemoryMeasurement))]
public sealed class AugmentationPeakMemoryTests
{
    private static readonly (string Name, string Json)[] _configurations =
    [
        .. AugmentationOperators.Names.Select(name => (name, "{}")),
        ("Weather", """{"weather_mode": "Clouds"}"""), ("Blur", """{"blur_type": "Average"}"""),
        ("Resize", """{"width": 3000, "height": 2500}"""), ("Padding", """{"px_top": 1000, "px_left": 1000}"""),
    ];

    [Fact]
    public void No_operator_touches_more_memory_than_its_bound_while_applying_and_encoding()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var image = AugmentationSamples.RandomImage(3, 1600, 1200);
        using (var small = AugmentationSamples.RandomImage(4, 64, 48))
        {
            // JIT, OpenCV's thread pool and its lazily built tables, once, before anything is measured.
            Array.ForEach(_configurations, configuration => Run(configuration, small));
        }

        var failures = new List<string>();
        foreach (var configuration in _configurations)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            NativeHeap.ReleaseFreeMemory();
            var before = Kilobytes("VmRSS");
            File.WriteAllText("/proc/self/clear_refs", "5");
            var bound = Run(configuration, image);
            var grown = (Kilobytes("VmHWM") - before) * 1024;
            if (grown > bound)
            {
                failures.Add($"{configuration.Name} {configuration.Json}: resident memory grew {grown} bytes, bound {bound}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Prepares, applies and encodes (PNG: noise barely compresses) as the sample stage does; returns the bound prepared.</summary>
    private static long Run((string Name, string Json) configuration, Mat image)
    {
        var prepared = AugmentationSamples.Parse(configuration.Name, configuration.Json).Prepare(image.Size(), image.Type(), [], AugmentationSamples.Random());
        using var result = prepared.Apply(image);
        GC.KeepAlive(ImageEncoder.Encode(result.Image!, ImageFormat.Png));
        return prepared.WorkingBytes;
    }

    private static long Kilobytes(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(candidate => candidate.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
