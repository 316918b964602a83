namespace Refinery.Operators.Pipeline;

/// <summary>
/// One pass over every shard: the sample stages run fused, one after another on each sample, then the barrier (if
/// any) decides over the whole dataset before the next pass may start.
/// </summary>
/// <param name="SampleStages">The fused sample stages in template order; empty when two dataset stages follow each other.</param>
/// <param name="Barrier">The dataset stage that ends the pass, or null for a last pass of sample stages only.</param>
/// <param name="BarrierOperator">The name of the operator whose dataset stage <paramref name="Barrier"/> is.</param>
public sealed record PipelinePass(IReadOnlyList<ISampleStage> SampleStages, IDatasetStage? Barrier, string? BarrierOperator)
{
    /// <summary>The names of the operators whose stages <see cref="SampleStages"/> are, in the same order.</summary>
    public IReadOnlyList<string> SampleOperators { get; init; } = [];
}
