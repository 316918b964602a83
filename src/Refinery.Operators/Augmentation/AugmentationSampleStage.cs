using System.Text.Json.Nodes;
using OpenCvSharp;
using Refinery.Domain;
using Refinery.Formats.Voc;
using Refinery.Imaging;
using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// One augmentation operator as a sample stage: the sample goes on unchanged (result 0) and gains one new sample,
/// its image augmented with values drawn from the stream of (seed, sample id, operator index), its boxes moved with
/// the pixels and its labels carried over. A sample whose image cannot be read or decoded is deleted with the reason;
/// one whose boxes Rotate would push off the canvas, or whose augmentation needs more memory than the server's whole
/// decode memory budget, gains nothing, and its result says so.
/// </summary>
/// <param name="seed">The run's seed: <c>params.seed</c>, else the version id; null only while validating params.</param>
/// <param name="operatorIndex">The operator's place in <c>operator_params</c>; also numbers the new file.</param>
public sealed class AugmentationSampleStage(IAugmentation augmentation, string? seed, int operatorIndex, ImageDecoder decoder) : ISampleStage
{
    public async ValueTask<SampleOutcome> ProcessAsync(SampleWork work, SampleEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(environment);
        var runSeed = seed ?? throw new InvalidOperationException("An augmentation runs for a task version, whose id is the default seed.");
        var sample = work.Sample;

        // The annotation first: a store failing while it is read must not strand decoded pixels and their reservation.
        var (annotation, _, annotationProblem) = work.TaskType == TaskTypes.ObjectDetection && sample.AnnotationLocation is { } location
            ? await SampleInputs.ReadAnnotationAsync(environment.Inputs, location, cancellationToken)
            : (null, null, null);
        var boxed = annotation?.Objects.Where(item => item.Box is not null).ToList() ?? [];
        AugmentationRandom Random() => AugmentationRandom.ForSample(runSeed, work.SampleId, operatorIndex);

        var (bytes, _, readFailure) = await SampleInputs.ReadImageAsync(environment.Inputs, sample.Source, decoder, cancellationToken);
        if (bytes is null)
        {
            return SampleInputs.Dropped(readFailure!);
        }

        DecodedImage? decoded;
        long reserved;
        using (bytes)
        {
            var (plan, refusal) = decoder.Plan(bytes.Span, ImreadModes.Color);
            if (plan is null)
            {
                return SampleInputs.Dropped($"it cannot be decoded: {refusal}");
            }

            // The augmentation's memory is reserved with the decode's, in one request: a sample that reserved it only
            // once it held its pixels could wait forever on others holding theirs.
            reserved = WorkingBytesEitherWayRound(plan.Dimensions, Random);
            if (plan.FootprintBytes + reserved > decoder.Budget.Capacity)
            {
                return Kept(work, $"not augmented: {augmentation.OperatorName} on its {plan.Dimensions} pixels needs {reserved} bytes beside the {plan.FootprintBytes} of the decoded image, "
                    + $"more than the server's whole decode memory budget of {decoder.Budget.Capacity} bytes");
            }

            string? failure;
            (decoded, failure) = await decoder.DecodeAsync(bytes.Memory, ImreadModes.Color, reserved, cancellationToken);
            if (decoded is null)
            {
                return SampleInputs.Dropped($"it cannot be decoded: {failure}");
            }
        }

        using (decoded)
        {
            var pixels = decoded.Pixels;
            var prepared = augmentation.Prepare(pixels.Size(), pixels.Type(), [.. boxed.Select(item => item.Box!.Value)], Random());
            if (prepared.WorkingBytes > reserved)
            {
                return Kept(work, $"not augmented: its pixels decoded to {pixels.Width}x{pixels.Height}, not the size its header declares, and the memory reserved does not cover them");
            }

            using var result = prepared.Apply(pixels);
            return result.Dropped
                ? Kept(work, result.Description)
                : await WriteAsync(work, environment, decoded.Format, result, annotation, annotationProblem, boxed, cancellationToken);
        }
    }

    /// <summary>
    /// The bytes to reserve for an image whose header declares <paramref name="dimensions"/>: OpenCV turns a JPEG by
    /// its EXIF orientation while decoding, so the pixels may come out either way round. Boxes are left out: a
    /// dropped image needs nothing, so with them the bound could only fall.
    /// </summary>
    private long WorkingBytesEitherWayRound(ImageDimensions dimensions, Func<AugmentationRandom> random)
    {
        long For(Size size) => augmentation.Prepare(size, MatType.CV_8UC3, [], random()).WorkingBytes;
        return Math.Max(For(new Size(dimensions.Width, dimensions.Height)), For(new Size(dimensions.Height, dimensions.Width)));
    }

    /// <summary>The sample goes on as it was, without an added sample, saying why.</summary>
    private static SampleOutcome Kept(SampleWork work, string description) => new(ResultProperty.Reserved, [description], work.PassThrough());

    private async Task<SampleOutcome> WriteAsync(
        SampleWork work, SampleEnvironment environment, ImageFormat decodedFormat, AugmentationResult result,
        VocAnnotation? annotation, string? annotationProblem, List<VocObject> boxed, CancellationToken cancellationToken)
    {
        var sample = work.Sample;
        var format = decodedFormat == ImageFormat.Png ? ImageFormat.Png : ImageFormat.Jpeg;
        var stem = AugmentedNames.Stem(work.OutputName, operatorIndex, augmentation.OperatorName);
        var imagePath = stem + ImageFormatSniffer.CanonicalExtension(format);
        await environment.Output.WriteAsync(imagePath, ImageEncoder.Encode(result.Image!, format), cancellationToken);

        var description = new List<string> { result.Description };
        string? annotationName = null;
        if (annotationProblem is not null)
        {
            description.Add($"written without its annotation: {annotationProblem}");
        }
        else if (annotation is not null && result.Boxes.Count == 0)
        {
            description.Add("written without an annotation: no box is left on the augmented image");
        }
        else if (annotation is not null)
        {
            annotationName = stem + ".xml";
            var moved = annotation with
            {
                Filename = Path.GetFileName(imagePath),
                Width = result.Size.Width,
                Height = result.Size.Height,
                Depth = 3,
                Objects = [.. result.Boxes.Select(box => boxed[box.SourceIndex] with { Box = WholePixels(box.Box) })],
            };
            await environment.Output.WriteAsync(annotationName, VocAnnotationWriter.Write(moved), cancellationToken);
        }

        var values = new JsonObject
        {
            ["operator"] = augmentation.OperatorName,
            ["width"] = result.Size.Width,
            ["height"] = result.Size.Height,
        };
        if (annotation is not null)
        {
            values["boxes"] = annotationName is null ? 0 : result.Boxes.Count;
        }

        var added = new AddedSample(new Sample(imagePath, sample.Usage, sample.Labels, annotationName), description, values);
        return new SampleOutcome(ResultProperty.Reserved, [], work.PassThrough(), Added: [added]);
    }

    /// <summary>
    /// VOC readers parse coordinates as integers. Both sides of a box kept on the canvas round into it, and its width
    /// and height change by less than a pixel, never below the 2 px a kept box has.
    /// </summary>
    private static VocBox WholePixels(VocBox box) => new(
        Math.Round(box.XMin, MidpointRounding.AwayFromZero), Math.Round(box.YMin, MidpointRounding.AwayFromZero),
        Math.Round(box.XMax, MidpointRounding.AwayFromZero), Math.Round(box.YMax, MidpointRounding.AwayFromZero));
}
