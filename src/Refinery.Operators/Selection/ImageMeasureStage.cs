using Refinery.Domain;
using Refinery.Imaging;
using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Selection;

/// <summary>
/// The sample stage of the similarity operators: decodes the image through the server's decoder and records what the
/// dataset stage compares (an embedding, a perceptual hash). The sample goes on unchanged; an image that cannot be
/// read or decoded is removed with the reason, never a failure of the version.
/// </summary>
public sealed class ImageMeasureStage(ImageDecoder decoder, IImageMeasure measure) : ISampleStage
{
    public async ValueTask<SampleOutcome> ProcessAsync(SampleWork work, SampleEnvironment environment, CancellationToken cancellationToken)
    {
        if (!SampleLocationParser.TryParse(SampleLocationParser.SourceField, work.Sample.Source, out var path, out var pathFailure))
        {
            return Removed(pathFailure);
        }

        var (image, failure) = await ObjectImageReader.ReadAsync(environment.Inputs, path, decoder, cancellationToken);
        if (image is null)
        {
            return Removed(failure!);
        }

        using (image)
        {
            var (record, description, values) = await measure.MeasureAsync(image, cancellationToken);
            return new SampleOutcome(ResultProperty.Reserved, [description], work.PassThrough(), values, record);
        }
    }

    private static SampleOutcome Removed(string reason) => new(ResultProperty.Deleted, [$"removed: {reason}"], Output: null);
}
