using System.Text.Json.Nodes;
using Refinery.Domain;
using Refinery.Domain.Tasks;
using Refinery.Engine.Datasets;
using Refinery.Engine.Planning;
using Refinery.Storage;

namespace Refinery.Engine.Tasks;

/// <summary>
/// Adds the params ModelArts' server adds to an analysis task (<c>task_type</c>, <c>manifest_path</c>,
/// <c>file_path</c>, <c>is_normed</c>). A missing <c>task_type</c> is detected from the data: object_detection
/// when the first sample has a VOC annotation, image_classification otherwise.
/// </summary>
public sealed class AnalysisTemplateCompleter(InputResolver resolver)
{
    public async Task<TemplateParam> CompleteAsync(TemplateParam template, IReadOnlyList<ProcessorDataSource> inputs, CancellationToken cancellationToken)
    {
        var operatorParam = template.OperatorParams is [var first, ..] ? first : new OperatorParam();
        var parameters = operatorParam.Params?.DeepClone().AsObject() ?? [];
        parameters.TryAdd("op_list", new JsonArray());
        if (parameters["task_type"] is null)
        {
            parameters["task_type"] = await DetectTaskTypeAsync(inputs, cancellationToken);
        }

        var (manifestPath, filePath) = await LocationsOfAsync(inputs[0], cancellationToken);
        parameters["manifest_path"] = manifestPath;
        parameters["file_path"] = filePath;
        parameters.TryAdd("is_normed", false);
        return template with { OperatorParams = [operatorParam with { Id = operatorParam.Id ?? TemplateIds.Analyse, Params = parameters }] };
    }

    private async Task<string> DetectTaskTypeAsync(IReadOnlyList<ProcessorDataSource> inputs, CancellationToken cancellationToken)
    {
        await foreach (var planned in resolver.ResolveAsync(inputs, TaskTypes.ObjectDetection, new DuplicateListings(), reservedName: null, cancellationToken))
        {
            return planned.Sample.AnnotationLocation is null ? TaskTypes.ImageClassification : TaskTypes.ObjectDetection;
        }

        return TaskTypes.ImageClassification;
    }

    /// <summary>The manifest analysed and the folder its files are in, as ModelArts reports them.</summary>
    private async Task<(string Manifest, string Files)> LocationsOfAsync(ProcessorDataSource input, CancellationToken cancellationToken)
    {
        var path = input.Type switch
        {
            SourceTypes.Task => await resolver.PublishedManifestAsync(input.Source!, input.VersionId, cancellationToken),
            SourceTypes.Dataset => await resolver.DatasetManifestAsync(input.VersionId!, cancellationToken),
            _ => StoragePathParser.Parse("inputs.source", input.Source!),
        };
        var folder = input.Type == SourceTypes.Dataset ? DatasetLayout.EvaluationFolder(path)
            : InputResolver.IsManifestInput(input) ? path.Parent()
            : path;
        return (path.ToUri(), folder.ToUri());
    }
}
