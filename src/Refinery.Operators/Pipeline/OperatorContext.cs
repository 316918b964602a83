using Refinery.Imaging;
using Refinery.Imaging.Embeddings;

namespace Refinery.Operators.Pipeline;

/// <summary>
/// What the server gives every operator it builds: the one decoder, so all share its limits and memory budget, and the
/// one embedder, loaded only when an operator first embeds.
/// </summary>
public sealed record OperatorContext(ImageDecoder Decoder, SharedImageEmbedder Embedder);
