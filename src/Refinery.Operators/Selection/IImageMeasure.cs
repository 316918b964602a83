using System.Text.Json.Nodes;
using Refinery.Imaging;
using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Selection;

/// <summary>What <see cref="ImageMeasureStage"/> computes from one decoded image for a similarity operator's dataset stage.</summary>
public interface IImageMeasure
{
    /// <summary>What the measure did, as the sample's result describes it ("embedded", "perceptual hash …").</summary>
    ValueTask<(SampleRecord Record, string Description, JsonObject? Values)> MeasureAsync(DecodedImage image, CancellationToken cancellationToken);
}
