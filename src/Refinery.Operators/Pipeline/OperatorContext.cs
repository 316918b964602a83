using Refinery.Imaging;
using Refinery.Imaging.Embeddings;
using Refinery.Storage;

namespace Refinery.Operators.Pipeline;

/// <summary>
/// What the server gives every operator it builds: the one decoder, so all share its limits and memory budget; the
/// one embedder, loaded only when an operator first embeds; and the configured buckets, for the reference images an
/// operator reads besides its inputs (PCC's prototypes).
/// </summary>
/// <param name="VersionId">
/// The task version the pipeline runs for (a seed's default derives from it); null when the template is only being
/// validated, at task or version creation.
/// </param>
/// <param name="OperatorIndex">The operator's place in <c>operator_params</c>, so two listings of one operator differ.</param>
public sealed record OperatorContext(ImageDecoder Decoder, SharedImageEmbedder Embedder, BucketRouter Storage, string? VersionId = null, int OperatorIndex = 0);
