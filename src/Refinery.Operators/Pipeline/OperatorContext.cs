using Refinery.Imaging;
using Refinery.Imaging.Embeddings;
using Refinery.Storage;

namespace Refinery.Operators.Pipeline;

/// <summary>
/// What the server gives every operator it builds: the one decoder, so all share its limits and memory budget; the
/// one embedder, loaded only when an operator first embeds; and the configured buckets, for the reference images an
/// operator reads besides its inputs (PCC's prototypes).
/// </summary>
public sealed record OperatorContext(ImageDecoder Decoder, SharedImageEmbedder Embedder, BucketRouter Storage);
