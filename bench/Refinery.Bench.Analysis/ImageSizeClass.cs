namespace Refinery.Bench.Analysis;

/// <summary>
/// One of the three kinds of folder the benchmark measures: how large its generated pictures are, whether PNGs are
/// mixed in, how many distinct pictures the datasets of that kind link to, and how many images a run analyses by default.
/// </summary>
/// <param name="PngEvery">Every n-th picture is a PNG (every other one of those grey), or 0 for JPEGs only.</param>
public sealed record ImageSizeClass(string Name, int MinPixels, int MaxPixels, int PngEvery, int DistinctCount, int DefaultImages)
{
    /// <summary>Small pictures, 0.05–0.29 MP, half PNG (a quarter grey PNG) and half JPEG.</summary>
    public static readonly ImageSizeClass Small = new("small", 50_000, 290_000, 2, 400, 2000);

    /// <summary>Camera-sized JPEGs of 1–2 MP: the case the decode-rate aim of 0.6 is set for.</summary>
    public static readonly ImageSizeClass Medium = new("medium", 1_000_000, 2_000_000, 0, 200, 600);

    /// <summary>14-megapixel JPEGs (13.5–14.5 MP): what bounds the server's peak memory per image.</summary>
    public static readonly ImageSizeClass Large = new("large", 13_500_000, 14_500_000, 0, 8, 24);

    public static readonly IReadOnlyList<ImageSizeClass> All = [Small, Medium, Large];

    public bool IsPng(int seed) => PngEvery > 0 && seed % PngEvery == 0;
}
