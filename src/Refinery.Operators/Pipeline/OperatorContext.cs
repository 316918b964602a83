using Refinery.Imaging;

namespace Refinery.Operators.Pipeline;

/// <summary>What the server gives every operator it builds: the one decoder, so all share its limits and memory budget.</summary>
public sealed record OperatorContext(ImageDecoder Decoder);
