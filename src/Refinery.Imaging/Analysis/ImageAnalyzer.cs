using OpenCvSharp;

namespace Refinery.Imaging.Analysis;

/// <summary>
/// Runs every feature, quality score and hash on one decoded image, sharing work: one pass over every pixel for
/// brightness, dark, light and low_information (<see cref="PixelStatisticsPass"/>), and one over the 512-px working
/// image for saturation, clarity and colourfulness (<see cref="WorkingImageFeatures"/>). Blurry and pHash resize the full image as Pillow does, as
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
        var workingValues = (features & (AnalysisFeatures.Saturation | AnalysisFeatures.Clarity | AnalysisFeatures.Colorfulness)) != 0
            ? MeasureWorkingImage(image.EightBitPixels)
            : default;

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
            features.HasFlag(AnalysisFeatures.Saturation) ? workingValues.Saturation : null,
            features.HasFlag(AnalysisFeatures.Clarity) ? workingValues.Clarity : null,
            features.HasFlag(AnalysisFeatures.Colorfulness) ? workingValues.Colorfulness : null,
            boxValues,
            quality,
            ImageHashes.Exact(image.Pixels),
            ImageHashes.Perceptual(image.EightBitPixels));
    }

    // An image already within the working size is its own working image: measured in place, not copied.
    private static WorkingImageValues MeasureWorkingImage(Mat pixels)
    {
        using var shrunk = ImageFeatureKernels.NeedsShrinking(pixels, ImageFeatureKernels.WorkingLongSide) ? ImageFeatureKernels.WorkingImage(pixels) : null;
        return WorkingImageFeatures.Measure(shrunk ?? pixels);
    }
}
