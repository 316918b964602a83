using System.Text.Json.Nodes;

namespace Refinery.Operators.Pipeline;

/// <summary>
/// The whole-dataset stage of an operator: a barrier that sees every sample the pass before it produced and decides
/// which of them go on. Memory may hold what the decision needs (a hash, a vector index), never the samples themselves.
/// Deterministic: run again after a crash over the same samples it must make the same decisions.
/// </summary>
public interface IDatasetStage
{
    /// <param name="samples">Streams every sample of the pass in input order; may be called again for another read.</param>
    /// <param name="decide">
    /// Takes decisions in input order, at most one per sample and only for samples still <see cref="StagedSample.Alive"/>;
    /// a sample without a decision goes on unchanged.
    /// </param>
    /// <param name="cancellationToken">Stops the stage (a stopped version, a shutdown).</param>
    /// <returns>The dataset-level result (an analysis summary), or null when the stage has none.</returns>
    Task<JsonObject?> DecideAsync(
        Func<IAsyncEnumerable<StagedSample>> samples,
        Func<SampleDecision, CancellationToken, ValueTask> decide,
        CancellationToken cancellationToken);
}
