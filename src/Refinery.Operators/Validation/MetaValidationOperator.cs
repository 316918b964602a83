using System.Text.Json.Nodes;
using OpenCvSharp;
using Refinery.Domain;
using Refinery.Formats.Voc;
using Refinery.Imaging;
using Refinery.Operators.Pipeline;
using Refinery.Storage;

namespace Refinery.Operators.Validation;

/// <summary>
/// <c>MetaValidation</c> (template <c>sys_data_validation</c>): repairs what would break training — damaged files,
/// gray images, wrong extensions, unsupported formats, oversize images and broken VOC boxes — by the rules of
/// operators.md Part B §2.2. Stateless and thread-safe.
/// </summary>
public sealed class MetaValidationOperator(MetaValidationParams parameters, ImageDecoder decoder) : ISampleStage
{
    public const string OperatorName = "MetaValidation";

    private const string CheckedSuffix = "_checked";

    public MetaValidationParams Parameters { get; } = parameters;

    /// <summary>The operator: one sample stage; also what <c>do_validation</c> fuses in front of other templates' operators.</summary>
    public static PipelineOperator Define(OperatorParameters parameters, OperatorContext context)
    {
        var validation = MetaValidationParams.Parse(parameters);
        return new PipelineOperator(OperatorName, validation.TaskType, new MetaValidationOperator(validation, context.Decoder), DatasetStage: null);
    }

    public async ValueTask<SampleOutcome> ProcessAsync(SampleWork work, SampleEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(environment);
        var sample = work.Sample;
        var (decoded, source, failure) = await SampleInputs.DecodeAsync(environment.Inputs, sample.Source, decoder, ImreadModes.Unchanged, cancellationToken);
        if (decoded is null)
        {
            return SampleInputs.Dropped(failure!);
        }

        ValidatedImage image;
        using (decoded)
        {
            var validated = ValidateImage(decoded, Path.GetExtension(work.OutputName));
            if (validated is null)
            {
                return SampleInputs.Dropped($"its {decoded.Width}x{decoded.Height} {decoded.Channels}-channel pixels cannot be re-encoded");
            }

            image = validated;
        }

        var (annotation, annotationSource) = work.TaskType == TaskTypes.ObjectDetection && sample.AnnotationLocation is { } location
            ? await ValidateAnnotationAsync(environment.Inputs, location, image, cancellationToken)
            : (null, default(ObjectPath?));

        var changed = image.Encoded is not null || image.Actions.Count > 0 || annotation?.Changed == true;
        var (folder, stem) = OutputNames.Split(work.OutputName);
        var baseName = changed ? stem + CheckedSuffix : stem;
        var imageName = baseName + image.Extension;
        var imagePath = folder + imageName;
        if (image.Encoded is not null)
        {
            await environment.Output.WriteAsync(imagePath, image.Encoded, cancellationToken);
        }
        else
        {
            await environment.Output.CopyAsync(imagePath, source, cancellationToken);
        }

        string? annotationPath = null;
        if (annotation?.Annotation is { } kept)
        {
            annotationPath = folder + baseName + ".xml";
            if (changed)
            {
                await environment.Output.WriteAsync(annotationPath, VocAnnotationWriter.Write(kept with { Filename = imageName }), cancellationToken);
            }
            else
            {
                await environment.Output.CopyAsync(annotationPath, annotationSource!.Value, cancellationToken);
            }
        }

        var output = new Sample(imagePath, sample.Usage, sample.Labels, annotationPath, sample.Id);
        var values = new JsonObject
        {
            ["width"] = image.Width,
            ["height"] = image.Height,
            ["channels"] = image.Channels,
            ["format"] = image.Format,
        };
        IReadOnlyList<string> description = [.. image.Actions, .. annotation?.Actions ?? []];
        return new SampleOutcome(changed ? ResultProperty.Modified : ResultProperty.Reserved, description, output, values);
    }

    /// <summary>The image rules, in the order the table lists them; null when the repaired pixels cannot be encoded.</summary>
    private ValidatedImage? ValidateImage(DecodedImage decoded, string extension)
    {
        var actions = new List<string>();
        var realFormat = decoded.Format;
        Mat? repaired = null;
        try
        {
            var channels = decoded.Channels;
            if (decoded.StoredChannels is 1 or 2)
            {
                repaired = ToThreeChannels(decoded.Pixels);
                actions.Add($"converted {decoded.StoredChannels}-channel image to 3-channel RGB");
                channels = 3;
            }

            var format = realFormat;
            if (!ImageFormatSniffer.IsProcessable(realFormat))
            {
                format = ImageFormat.Jpeg;
                actions.Add($"re-encoded the {Name(realFormat)} image as JPEG: {Name(realFormat)} is not a supported format");
            }

            var outputExtension = extension;
            if (ImageFormatSniffer.FromExtension(extension) != format)
            {
                outputExtension = ImageFormatSniffer.CanonicalExtension(format);
                actions.Add(format == realFormat
                    ? $"renamed extension {Shown(extension)} to {outputExtension}: the file is {Name(realFormat)} data"
                    : $"renamed extension {Shown(extension)} to {outputExtension} to match the JPEG it was re-encoded as");
            }

            var (width, height) = (decoded.Width, decoded.Height);
            var (newWidth, newHeight) = FitWithinLimits(width, height);
            if ((newWidth, newHeight) != (width, height))
            {
                var shrunk = new Mat();
                Cv2.Resize(repaired ?? decoded.Pixels, shrunk, new Size(newWidth, newHeight), 0, 0, InterpolationFlags.Area);
                repaired?.Dispose();
                repaired = shrunk;
                actions.Add($"shrank image from {width}x{height} to {newWidth}x{newHeight} to fit image_max_width {Parameters.ImageMaxWidth} and image_max_height {Parameters.ImageMaxHeight}");
            }

            var reencode = repaired is not null || format != realFormat;
            if (format == ImageFormat.Jpeg && channels == 4 && reencode)
            {
                // JPEG has no alpha; the encoder drops it.
                channels = 3;
            }

            var encoded = reencode ? ImageEncoder.Encode(repaired ?? decoded.Pixels, format) : null;
            return new ValidatedImage(
                encoded,
                outputExtension,
                format.ToString().ToLowerInvariant(),
                newWidth,
                newHeight,
                channels,
                (double)newWidth / width,
                (double)newHeight / height,
                actions);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        finally
        {
            repaired?.Dispose();
        }
    }

    /// <summary>
    /// Gray or gray+alpha pixels as BGR. OpenCV hands a gray+alpha PNG over as BGRA already, and has no conversion
    /// from two channels, so there the alpha plane is dropped and the gray plane expanded.
    /// </summary>
    private static Mat ToThreeChannels(Mat pixels)
    {
        switch (pixels.Channels())
        {
            case 4:
                return pixels.CvtColor(ColorConversionCodes.BGRA2BGR);
            case 2:
                using (var gray = pixels.ExtractChannel(0))
                {
                    return gray.CvtColor(ColorConversionCodes.GRAY2BGR);
                }

            case 3:
                return pixels.Clone();
            default:
                return pixels.CvtColor(ColorConversionCodes.GRAY2BGR);
        }
    }

    /// <summary>The largest size within image_max_width/height with the image's aspect ratio.</summary>
    private (int Width, int Height) FitWithinLimits(int width, int height)
    {
        var ratio = 1.0;
        if (Parameters.ImageMaxWidth != MetaValidationParams.NoLimit && width > Parameters.ImageMaxWidth)
        {
            ratio = Math.Min(ratio, (double)Parameters.ImageMaxWidth / width);
        }

        if (Parameters.ImageMaxHeight != MetaValidationParams.NoLimit && height > Parameters.ImageMaxHeight)
        {
            ratio = Math.Min(ratio, (double)Parameters.ImageMaxHeight / height);
        }

        return ratio >= 1
            ? (width, height)
            : (Math.Max(1, (int)Math.Round(width * ratio)), Math.Max(1, (int)Math.Round(height * ratio)));
    }

    private static async Task<(AnnotationValidation Validation, ObjectPath? Source)> ValidateAnnotationAsync(
        IObjectStore inputs, string location, ValidatedImage image, CancellationToken cancellationToken)
    {
        var (annotation, path, failure) = await SampleInputs.ReadAnnotationAsync(inputs, location, cancellationToken);
        if (annotation is null)
        {
            return (AnnotationValidation.Dropped(failure!), path);
        }

        var validation = VocLimits.FindObjectCountViolation(annotation.Objects.Count) is { } tooMany
            ? AnnotationValidation.Dropped(tooMany)
            : VocAnnotationValidator.Validate(annotation, image.Width, image.Height, image.Channels, image.XScale, image.YScale);
        return (validation, path);
    }

    private static string Name(ImageFormat format) => format.ToString().ToUpperInvariant();

    private static string Shown(string extension) => extension.Length == 0 ? "(none)" : extension;
}
