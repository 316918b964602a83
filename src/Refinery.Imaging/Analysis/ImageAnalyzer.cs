namespace Refinery.Imaging.Analysis;

/// <summary>
/// Runs every feature, quality score and hash on one decoded image, sharing work: one pass over every pixel for
/// brightness, dark, light and low_information (<see cref="PixelStatisticsPass"/>), and the 512-px working image and
/// its grey version (saturation, clarity, colourfulness). Blurry and pHash resize the full image as Pillow does, as
/// cleanvision defines them.
/// </summary>
public static class ImageAnalyzer
{
    /// <param name="image">The image decoded with <c>ImreadModes.Unchanged</c>, so that the exact hash reads the stored pixels; not disposed here.</param>
    /// <param name="features">Features to compute; quality scores and hashes are always computed.</param>
    /// <param name="boxes">Annotation boxes in original pixels, or null when the sample has none.</param>
    public static ImageAnalysis Analyze(DecodedImage image, AnalysisFeatures features, IReadOnlyList<BoxRect>? boxes)
    {
        int width = image.Width, height = image.Height;
        var statistics = PixelStatisticsPass.Measure(image.EightBitPixels);
        using var working = ImageFeatureKernels.WorkingImage(image.EightBitPixels);
        using var workingGrey = ImageFeatureKernels.ToGrey(working);

        var quality = new QualityScores(
            Dark: QualityKernels.DarkScore(statistics.BrightnessPercentile99),
            Light: QualityKernels.LightScore(statistics.BrightnessPercentile5),
            Blurry: QualityKernels.BlurryScore(image.EightBitPixels),
            LowInformation: QualityKernels.LowInformationScore(statistics.Entropy),
            OddAspectRatio: QualityKernels.OddAspectRatioScore(width, height),
            Grayscale: QualityKernels.GrayscaleScore(image.IsGrayscaleMode),
            SizeValue: QualityKernels.SizeValue(width, height));

        BoxFeatureValues? boxValues = null;
        if (boxes is not null && (features & AnalysisFeatures.BoxFeatures) != 0)
        {
            boxValues = BoxFeatureKernels.Measure(
                boxes, image.EightBitPixels,
                withBrightness: features.HasFlag(AnalysisFeatures.BboxBrightness),
                withClarity: features.HasFlag(AnalysisFeatures.BboxClarity));
        }

        return new ImageAnalysis(
            width,
            height,
            ImageFeatureKernels.Resolution(width, height),
            ImageFeatureKernels.AspectRatio(width, height),
            statistics.Brightness,
            features.HasFlag(AnalysisFeatures.Saturation) ? ImageFeatureKernels.Saturation(working) : null,
            features.HasFlag(AnalysisFeatures.Clarity) ? ImageFeatureKernels.LaplacianVariance(workingGrey) : null,
            features.HasFlag(AnalysisFeatures.Colorfulness) ? ImageFeatureKernels.Colorfulness(working) : null,
            boxValues,
            quality,
            ImageHashes.Exact(image.Pixels),
            ImageHashes.Perceptual(image.EightBitPixels));
    }
}
