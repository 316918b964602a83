using System.Text.Json.Nodes;
using Refinery.Imaging;
using Refinery.Imaging.Analysis;
using Refinery.Operators.Analysis;
using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Selection;

/// <summary>Records the image's 64-bit perceptual hash, analysis's kernel (imagehash's pHash), in its record and its values.</summary>
public sealed class PerceptualHashMeasure : IImageMeasure
{
    public ValueTask<(SampleRecord Record, string Description, JsonObject? Values)> MeasureAsync(DecodedImage image, CancellationToken cancellationToken)
    {
        var hash = ImageHashes.Perceptual(image.EightBitPixels);
        var hex = ImageHashes.ToHex(hash);
        var record = new SampleRecord().Set(AnalysisRecordKeys.PerceptualHash, hash);
        return ValueTask.FromResult((record, $"perceptual hash {hex}", (JsonObject?)new JsonObject { [AnalysisValueKeys.PerceptualHash] = hex }));
    }
}
