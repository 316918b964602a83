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

    public OperatorPipeline Create(TemplateParam template) => registry.Compose(template, _context);
}
