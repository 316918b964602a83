namespace Refinery.Operators;

/// <summary>
/// The per-sample (map) stage of an operator. Implementations are stateless and thread-safe: the engine calls
/// them in parallel, and may call them again for the same sample after a crash, so they must be deterministic.
/// A sample that cannot be read or decoded is an outcome (usually <c>Deleted</c> with the reason), never an exception.
/// </summary>
public interface ISampleOperator
{
    ValueTask<SampleOutcome> ProcessAsync(SampleWork work, SampleEnvironment environment, CancellationToken cancellationToken);
}
