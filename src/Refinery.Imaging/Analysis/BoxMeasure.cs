namespace Refinery.Imaging.Analysis;

/// <summary>The per-box features of one non-degenerate box; brightness and clarity are null when not asked for.</summary>
public sealed record BoxMeasure(
    double AspectRatio,
    double AreaRatio,
    double Marginalization,
    double Overlap,
    double? Brightness,
    double? Clarity);
