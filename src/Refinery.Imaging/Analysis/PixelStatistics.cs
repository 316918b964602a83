namespace Refinery.Imaging.Analysis;

/// <summary>What analysis reads from every decoded pixel, gathered in one pass (<see cref="PixelStatisticsPass"/>).</summary>
/// <param name="Brightness">Mean perceived brightness / 255 (the brightness feature).</param>
/// <param name="BrightnessPercentile5">The 5th percentile of per-pixel brightness / 255, numpy-linear (light_score).</param>
/// <param name="BrightnessPercentile99">The 99th percentile of per-pixel brightness / 255, numpy-linear (dark_score).</param>
/// <param name="Entropy">PIL's <c>Image.entropy()</c> of the pixels (low_information_score).</param>
public readonly record struct PixelStatistics(double Brightness, double BrightnessPercentile5, double BrightnessPercentile99, double Entropy);
