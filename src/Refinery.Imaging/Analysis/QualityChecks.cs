namespace Refinery.Imaging.Analysis;

/// <summary>
/// The nine cleanvision issue types (operators.md §3.2–3.3, cleanvision 0.3.8 <c>utils/constants.py</c>) in one table:
/// property, score, default threshold, direction and constants. Kernels and the reducer read their numbers from here.
/// </summary>
public static class QualityChecks
{
    private static readonly Dictionary<string, double> _noParameters = [];

    public static QualityCheck Dark { get; } = new(
        "dark", "brightness_perc_99", "99th percentile (numpy linear) of per-pixel sqrt(0.241R²+0.691G²+0.068B²)/255 over the full image",
        0.32, FlagDirection.Below, QualityCheckScope.Image, _noParameters);

    public static QualityCheck Light { get; } = new(
        "light", "brightness_perc_5", "1 − 5th percentile of per-pixel perceived brightness / 255",
        0.05, FlagDirection.Below, QualityCheckScope.Image, _noParameters);

    public static QualityCheck Blurry { get; } = new(
        "blurry", "blurriness, blurriness_grayscale_std",
        "min(1, 1−exp(−f·std(FIND_EDGES(grey 64px))) + s), s = 1−exp(−f·std(256-bin grey histogram)), s = 0 when ≤ color_threshold",
        0.29, FlagDirection.Below, QualityCheckScope.Image,
        new Dictionary<string, double> { ["normalizing_factor"] = 0.01, ["color_threshold"] = 0.18, ["max_resolution"] = 64 });

    public static QualityCheck LowInformation { get; } = new(
        "low_information", "entropy", "min(1, f·entropy), entropy over the histograms of all bands concatenated (PIL Image.entropy)",
        0.3, FlagDirection.Below, QualityCheckScope.Image, new Dictionary<string, double> { ["normalizing_factor"] = 0.1 });

    public static QualityCheck OddAspectRatio { get; } = new(
        "odd_aspect_ratio", "aspect_ratio", "min(W/H, H/W)",
        0.35, FlagDirection.Below, QualityCheckScope.Image, _noParameters);

    public static QualityCheck Grayscale { get; } = new(
        "grayscale", "mode", "0 when the stored image is 8-bit single-channel (PIL mode L), else 1",
        1.0, FlagDirection.Below, QualityCheckScope.Image, _noParameters);

    /// <summary>Threshold 0.5 applies when the fences have a gap; with a zero gap cleanvision uses 1.0 (see <see cref="OddSizeFences"/>).</summary>
    public static QualityCheck OddSize { get; } = new(
        "odd_size", "size = sqrt(W)·sqrt(H)", "1 − clip(|size − mid| / gap, 0, 1), fences q1 − k·IQR and q3 + k·IQR over the dataset",
        0.5, FlagDirection.Below, QualityCheckScope.Dataset,
        new Dictionary<string, double> { ["iqr_factor"] = 3.0, ["zero_gap_threshold"] = 1.0 });

    public static QualityCheck ExactDuplicates { get; } = new(
        "exact_duplicates", "exact_hash", "1/|set| for members of a set of images with identical decoded pixels, else 1",
        1.0, FlagDirection.Below, QualityCheckScope.Dataset, _noParameters);

    public static QualityCheck NearDuplicates { get; } = new(
        "near_duplicates", "phash", "1/|set| for members of a set with identical 64-bit pHash (sets equal to an exact set removed), else 1",
        1.0, FlagDirection.Below, QualityCheckScope.Dataset, _noParameters);

    /// <summary>All nine, in cleanvision's order of its default issue types.</summary>
    public static IReadOnlyList<QualityCheck> All { get; } =
        [Dark, Light, OddAspectRatio, LowInformation, ExactDuplicates, NearDuplicates, Blurry, Grayscale, OddSize];

    /// <summary>The six scored per image in the map stage.</summary>
    public static IReadOnlyList<QualityCheck> PerImage { get; } = [.. All.Where(check => check.Scope == QualityCheckScope.Image)];
}
