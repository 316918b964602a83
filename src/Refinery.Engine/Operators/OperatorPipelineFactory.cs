using Refinery.Domain.Tasks;
using Refinery.Imaging;
using Refinery.Imaging.Embeddings;
using Refinery.Operators.Pipeline;

namespace Refinery.Engine.Operators;

/// <summary>
/// Turns a <c>template</c> into the pipeline that runs it, through the <see cref="OperatorRegistry"/>, validating every
/// parameter. The API calls it when a task or version is created, so a bad parameter is a 400 then, never a failed run
/// later. Every operator decodes through the one <see cref="ImageDecoder"/> given here, so all of them share the
/// server's limits and decode budget, and embeds through the one <see cref="SharedImageEmbedder"/>.
/// </summary>
public sealed class OperatorPipelineFactory(ImageDecoder decoder, SharedImageEmbedder embedder, OperatorRegistry registry)
{
    private readonly OperatorContext _context = new(decoder, embedder);

    /// <param name="template">The task's template.</param>
    /// <param name="versionId">The version the pipeline runs for; null when only validating the template.</param>
    public OperatorPipeline Create(TemplateParam template, string? versionId = null) =>
        registry.Compose(template, versionId is null ? _context : _context with { VersionId = versionId });
}
