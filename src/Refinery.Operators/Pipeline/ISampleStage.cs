namespace Refinery.Operators.Pipeline;

/// <summary>
/// The per-sample stage of an operator. Implementations are stateless and thread-safe: the engine calls them in
/// parallel, fused with the other sample stages of the same pass, and may call them again for the same sample after a
/// crash, so they must be deterministic. A sample that cannot be read or decoded is an outcome (usually
/// <c>Deleted</c> with the reason), never an exception.
/// </summary>
public interface ISampleStage
{
    ValueTask<SampleOutcome> ProcessAsync(SampleWork work, SampleEnvironment environment, CancellationToken cancellationToken);
}
