using System.Text.Json.Nodes;
using OpenCvSharp;
using Refinery.Domain;
using Refinery.Formats.Voc;
using Refinery.Imaging;
using Refinery.Imaging.Analysis;
using Refinery.Operators.Pipeline;
using Refinery.Storage;

namespace Refinery.Operators.Analysis;

/// <summary>
/// The map stage of <c>sys_data_analyse</c>: reads one image, decodes it once at full resolution (cleanvision's
/// percentiles and exact hash are defined on every stored pixel, so a reduced decode would give up parity there; the
/// small-image features shrink that one decode instead of decoding again), and keeps every selected feature, the six
/// per-image quality scores and both hashes as the sample's values, and the scores, size and hashes typed in its record
/// for dataset stages. The sample goes on unchanged (analysis writes no files). Never throws for a bad image.
/// </summary>
public sealed class AnalysisSampleOperator(AnalysisParams parameters, IAnnotationBoxReader boxReader, ImageDecoder decoder) : ISampleStage
{
    private readonly ImageDecoder _decoder = decoder.WithMaxPixels(parameters.MaxImagePixels);

    public async ValueTask<SampleOutcome> ProcessAsync(SampleWork work, SampleEnvironment environment, CancellationToken cancellationToken)
    {
        var sample = work.Sample;
        if (!SampleLocationParser.TryParse(SampleLocationParser.SourceField, sample.Source, out var path, out var pathFailure))
        {
            return Failed(sample, pathFailure);
        }

        IReadOnlyList<BoxRect>? boxes = null;
        if (work.TaskType == TaskTypes.ObjectDetection && (parameters.Flags & AnalysisFeatures.BoxFeatures) != 0)
        {
            try
            {
                boxes = await boxReader.ReadBoxesAsync(sample, environment.Inputs, cancellationToken);
            }
            catch (ObjectNotFoundException)
            {
                boxes = null; // an annotation that is gone leaves the image features
            }
        }

        if (boxes is not null && VocLimits.FindObjectCountViolation(boxes.Count) is { } tooMany)
        {
            return Failed(sample, $"its annotation cannot be analysed: {tooMany}");
        }

        var (image, failure) = await ObjectImageReader.ReadAsync(environment.Inputs, path, _decoder, cancellationToken);
        return image is null
            ? Failed(sample, failure!)
            : Analyse(work, image, boxes is { Count: > 0 } ? boxes : null, cancellationToken);
    }

    private SampleOutcome Analyse(SampleWork work, DecodedImage image, IReadOnlyList<BoxRect>? boxes, CancellationToken cancellationToken)
    {
        var sample = work.Sample;
        using (image)
        {
            // A stop that came during the decode spares the analysis, which costs more than the decode.
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var analysis = ImageAnalyzer.Analyze(image, parameters.Flags, boxes);
                return new SampleOutcome(ResultProperty.Reserved, [Describe(analysis)], work.PassThrough(), ToValues(sample, analysis), ToRecord(analysis));
            }
            catch (OpenCVException exception)
            {
                return Failed(sample, $"{image.Format} image could not be analysed: {exception.Message}");
            }
        }
    }

    private JsonObject ToValues(Sample sample, ImageAnalysis analysis)
    {
        var values = new JsonObject
        {
            [AnalysisValueKeys.Width] = analysis.Width,
            [AnalysisValueKeys.Height] = analysis.Height,
        };
        if (sample.Usage is { Length: > 0 } usage)
        {
            values[AnalysisValueKeys.Usage] = usage;
        }

        foreach (var feature in parameters.Features)
        {
            if (FeatureValue(feature.Flag, analysis) is { } value)
            {
                values[feature.Id] = value;
            }
        }

        foreach (var (check, score) in analysis.Quality.ByCheck())
        {
            values[check.ScoreKey] = score;
            values[check.FlagKey] = check.IsFlagged(score);
        }

        values[AnalysisValueKeys.ExactHash] = ImageHashes.ToHex(analysis.ExactHash);
        values[AnalysisValueKeys.PerceptualHash] = ImageHashes.ToHex(analysis.PerceptualHash);
        return values;
    }

    private static SampleRecord ToRecord(ImageAnalysis analysis)
    {
        var record = new SampleRecord()
            .Set(AnalysisRecordKeys.Width, analysis.Width)
            .Set(AnalysisRecordKeys.Height, analysis.Height)
            .Set(AnalysisRecordKeys.ExactHash, analysis.ExactHash)
            .Set(AnalysisRecordKeys.PerceptualHash, analysis.PerceptualHash);
        foreach (var (check, score) in analysis.Quality.ByCheck())
        {
            record.Set(AnalysisRecordKeys.Score(check), score);
        }

        return record;
    }

    private static JsonNode? FeatureValue(AnalysisFeatures feature, ImageAnalysis analysis)
    {
        var image = feature switch
        {
            AnalysisFeatures.Resolution => analysis.Resolution,
            AnalysisFeatures.AspectRatio => analysis.AspectRatio,
            AnalysisFeatures.Brightness => analysis.Brightness,
            AnalysisFeatures.Saturation => analysis.Saturation,
            AnalysisFeatures.Clarity => analysis.Clarity,
            AnalysisFeatures.Colorfulness => analysis.Colorfulness,
            _ => (JsonNode?)null,
        };
        if (image is not null || analysis.Boxes is not { } boxes)
        {
            return image;
        }

        return feature switch
        {
            AnalysisFeatures.BboxNum => boxes.Count,
            AnalysisFeatures.BboxAreaStd => boxes.AreaStd,
            AnalysisFeatures.BboxAspectRatio => PerBox(boxes, box => box.AspectRatio),
            AnalysisFeatures.BboxAreaRatio => PerBox(boxes, box => box.AreaRatio),
            AnalysisFeatures.BboxMarginalization => PerBox(boxes, box => box.Marginalization),
            AnalysisFeatures.BboxOverlap => PerBox(boxes, box => box.Overlap),
            AnalysisFeatures.BboxBrightness => PerBox(boxes, box => box.Brightness),
            AnalysisFeatures.BboxClarity => PerBox(boxes, box => box.Clarity),
            _ => null,
        };
    }

    private static JsonArray PerBox(BoxFeatureValues boxes, Func<BoxMeasure, double?> select) =>
        [.. boxes.Boxes.Select(select).OfType<double>().Select(value => (JsonNode)value)];

    private static string Describe(ImageAnalysis analysis)
    {
        var issues = analysis.Quality.ByCheck().Where(pair => pair.Check.IsFlagged(pair.Score)).Select(pair => pair.Check.Issue).ToList();
        var boxes = analysis.Boxes is { } values ? $", {values.Count} boxes" : "";
        var flagged = issues.Count == 0 ? "no per-image quality issue" : $"quality issues: {string.Join(", ", issues)}";
        return $"analysed {analysis.Width}x{analysis.Height}{boxes}; {flagged}";
    }

    private static SampleOutcome Failed(Sample sample, string reason)
    {
        var values = new JsonObject { [AnalysisValueKeys.Failed] = true, [AnalysisValueKeys.Reason] = reason };
        if (sample.Usage is { Length: > 0 } usage)
        {
            values[AnalysisValueKeys.Usage] = usage;
        }

        return new SampleOutcome(ResultProperty.Deleted, [$"not analysed: {reason}"], Output: null, values);
    }
}
