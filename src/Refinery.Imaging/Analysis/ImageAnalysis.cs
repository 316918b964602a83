namespace Refinery.Imaging.Analysis;

/// <summary>Everything one decode of one image yields: features (null when not asked for), quality scores, hashes.</summary>
public sealed record ImageAnalysis(
    int Width,
    int Height,
    long Resolution,
    double AspectRatio,
    double Brightness,
    double? Saturation,
    double? Clarity,
    double? Colorfulness,
    BoxFeatureValues? Boxes,
    QualityScores Quality,
    ulong ExactHash,
    ulong PerceptualHash);
