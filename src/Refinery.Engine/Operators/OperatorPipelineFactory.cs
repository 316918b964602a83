using Refinery.Domain.Tasks;
using Refinery.Imaging;
using Refinery.Imaging.Embeddings;
using Refinery.Operators.Pipeline;
using Refinery.Storage;

namespace Refinery.Engine.Operators;

/// <summary>
/// Turns a <c>template</c> into the pipeline that runs it, through the <see cref="OperatorRegistry"/>, validating every
/// parameter. The API calls it when a task or version is created, so a bad parameter is a 400 then, never a failed run
/// later. Every operator decodes through the one <see cref="ImageDecoder"/> given here, so all of them share the
/// server's limits and decode budget, embeds through the one <see cref="SharedImageEmbedder"/>, and reads reference images
/// from the configured buckets.
/// </summary>
public sealed class OperatorPipelineFactory(ImageDecoder decoder, SharedImageEmbedder embedder, BucketRouter storage, OperatorRegistry registry)
{
    private readonly OperatorContext _context = new(decoder, embedder, storage);

    /// <param name="template">The task's template.</param>
    /// <param name="versionId">The version the pipeline runs for; null when only validating the template.</param>
    public OperatorPipeline Create(TemplateParam template, string? versionId = null) =>
        registry.Compose(template, versionId is null ? _context : _context with { VersionId = versionId });
}
