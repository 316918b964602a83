using Refinery.Imaging;
using Refinery.Imaging.Embeddings;

namespace Refinery.Operators.Pipeline;

/// <summary>
/// What the server gives every operator it builds: the one decoder, so all share its limits and memory budget, and the
/// one embedder, loaded only when an operator first embeds.
/// </summary>
/// <param name="VersionId">
/// The task version the pipeline runs for (a seed's default derives from it); null when the template is only being
/// validated, at task or version creation.
/// </param>
/// <param name="OperatorIndex">The operator's place in <c>operator_params</c>, so two listings of one operator differ.</param>
public sealed record OperatorContext(ImageDecoder Decoder, SharedImageEmbedder Embedder, string? VersionId = null, int OperatorIndex = 0);
