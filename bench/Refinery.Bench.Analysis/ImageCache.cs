using System.Globalization;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Refinery.Bench.Analysis;

/// <summary>
/// The benchmark's images under /tmp, made once and reused by later runs: per size class, some distinct photo-like
/// pictures (JPEG quality 90, and PNG where the class mixes them in) and, per dataset size N, a folder of N hard links
/// to them under distinct names. Duplicates are therefore part of every dataset (N / distinct copies of each picture),
/// which the analysis reports as such.
/// </summary>
public sealed partial class ImageCache(string root, ImageSizeClass size)
{
    private const int Quality = 90;
    private const string CompleteMarker = ".complete";

    public string Root { get; } = root;

    private string DistinctDirectory => Path.Combine(Root, $"{size.Name}-distinct-{size.DistinctCount}");

    /// <summary>The folder of <paramref name="count"/> images, relative to <see cref="Root"/> (the bucket).</summary>
    public string DatasetFolder(int count) => $"{size.Name}-n{count}";

    public string[] DistinctFiles() =>
        [.. Enumerable.Range(0, size.DistinctCount).Select(index => Path.Combine(DistinctDirectory, $"photo{index:D4}{Extension(index)}"))];

    private string Extension(int index) => size.IsPng(index) ? ".png" : ".jpg";

    /// <summary>The dataset's files in name order (the order the planner lists them), making them first if needed.</summary>
    public string[] Dataset(int count)
    {
        EnsureDistinct();
        var directory = Path.Combine(Root, DatasetFolder(count));
        var files = Enumerable.Range(0, count).Select(index => Path.Combine(directory, $"img{index:D6}{Extension(index % size.DistinctCount)}")).ToArray();
        if (File.Exists(Path.Combine(directory, CompleteMarker)))
        {
            return files;
        }

        Directory.CreateDirectory(directory);
        var distinct = DistinctFiles();
        for (var index = 0; index < count; index++)
        {
            File.Delete(files[index]);
            if (Link(distinct[index % distinct.Length], files[index]) != 0)
            {
                File.Copy(distinct[index % distinct.Length], files[index]); // another file system: copy instead
            }
        }

        File.WriteAllText(Path.Combine(directory, CompleteMarker), "");
        return files;
    }

    private void EnsureDistinct()
    {
        if (File.Exists(Path.Combine(DistinctDirectory, CompleteMarker)))
        {
            return;
        }

        Directory.CreateDirectory(DistinctDirectory);
        var files = DistinctFiles();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Parallel.For(0, files.Length, index => File.WriteAllBytes(files[index], PhotoLike(index)));
        File.WriteAllText(Path.Combine(DistinctDirectory, CompleteMarker), "");
        Console.WriteLine($"Generated {files.Length} distinct {size.Name} pictures in {clock.Elapsed.TotalSeconds:F1} s into {DistinctDirectory}");
    }

    /// <summary>
    /// A seeded photo-like picture: a vertical gradient, filled shapes, lines, Gaussian noise and a mild blur, so it
    /// compresses like a photograph (about 0.2–0.4 bytes per pixel as a quality-90 JPEG), of the class's size; a PNG
    /// (lossless, every other one grey) where the class mixes them in.
    /// </summary>
    public byte[] PhotoLike(int seed)
    {
        var random = new Random(seed);
        double[] aspects = [4.0 / 3, 3.0 / 2, 16.0 / 9, 1, 3.0 / 4, 2.0 / 3];
        var aspect = aspects[random.Next(aspects.Length)];
        var pixels = size.MinPixels + random.Next(size.MaxPixels - size.MinPixels + 1);
        var width = (int)Math.Round(Math.Sqrt(pixels * aspect));
        var height = Math.Max(1, (int)Math.Round(pixels / (double)width));

        using var image = new Mat(height, width, MatType.CV_8UC3);
        var top = new Vec3b((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        var bottom = new Vec3b((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        for (var row = 0; row < height; row++)
        {
            var t = (double)row / height;
            var colour = new Scalar(Lerp(top.Item0, bottom.Item0, t), Lerp(top.Item1, bottom.Item1, t), Lerp(top.Item2, bottom.Item2, t));
            Cv2.Line(image, new Point(0, row), new Point(width - 1, row), colour);
        }

        for (var shape = 0; shape < 40; shape++)
        {
            var colour = new Scalar(random.Next(256), random.Next(256), random.Next(256));
            var centre = new Point(random.Next(width), random.Next(height));
            var size = random.Next(10, Math.Min(width, height) / 4);
            switch (random.Next(3))
            {
                case 0:
                    Cv2.Circle(image, centre, size, colour, -1, LineTypes.AntiAlias);
                    break;
                case 1:
                    Cv2.Rectangle(image, new Rect(centre.X, centre.Y, size, size * 2 / 3), colour, -1);
                    break;
                default:
                    Cv2.Line(image, centre, new Point(random.Next(width), random.Next(height)), colour, random.Next(1, 8), LineTypes.AntiAlias);
                    break;
            }
        }

        using var noise = new Mat(height, width, MatType.CV_16SC3);
        Cv2.Randn(noise, Scalar.All(0), Scalar.All(10 + random.Next(10)));
        using var noisy = new Mat();
        Cv2.Add(image, noise, noisy, null, MatType.CV_8UC3.Depth);
        Cv2.GaussianBlur(noisy, noisy, new Size(0, 0), 0.8 + random.NextDouble());
        if (!size.IsPng(seed))
        {
            Cv2.ImEncode(".jpg", noisy, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, Quality));
            return jpeg;
        }

        if (seed / size.PngEvery % 2 == 1)
        {
            Cv2.CvtColor(noisy, noisy, ColorConversionCodes.BGR2GRAY);
        }

        Cv2.ImEncode(".png", noisy, out var png);
        return png;

        static double Lerp(byte from, byte to, double t) => from + ((to - from) * t);
    }

    /// <summary>Number, total size and pixel range of the distinct images, for the report.</summary>
    public string DescribeDistinct()
    {
        var files = DistinctFiles();
        var bytes = files.Sum(file => new FileInfo(file).Length);
        var sizes = files.Select(file => Refinery.Imaging.ImageDecoder.Inspect(File.ReadAllBytes(file)).Structure.Dimensions!.Value).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{files.Length} distinct {(size.PngEvery > 0 ? $"PNGs (1 in {size.PngEvery}) and " : "")}JPEGs (q{Quality}), {sizes.Min(size => size.Pixels) / 1e6:F2}–{sizes.Max(size => size.Pixels) / 1e6:F2} MP, "
            + $"mean {sizes.Average(size => size.Pixels) / 1e6:F2} MP, mean {bytes / files.Length / 1024} KiB");
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string created);
}
