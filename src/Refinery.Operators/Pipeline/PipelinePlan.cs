namespace Refinery.Operators.Pipeline;

/// <summary>
/// How a template's operators run, cut as Spark cuts a job into stages: consecutive sample stages fuse into one pass
/// over each shard, and each dataset stage is a barrier that ends its pass; the samples it keeps flow into the next.
/// The plan is data, separate from its execution; publishing follows the last pass.
/// </summary>
public sealed record PipelinePlan(IReadOnlyList<PipelinePass> Passes)
{
    public PipelinePass this[int pass] => Passes[pass];

    public bool IsLast(int pass) => pass == Passes.Count - 1;

    /// <summary>Fuses consecutive sample stages and closes a pass at each dataset stage, in operator order.</summary>
    public static PipelinePlan Schedule(IReadOnlyList<PipelineOperator> operators)
    {
        if (operators.Count == 0)
        {
            throw new ArgumentException("A pipeline needs at least one operator.", nameof(operators));
        }

        var passes = new List<PipelinePass>();
        var fused = new List<ISampleStage>();
        var fusedNames = new List<string>();
        foreach (var op in operators)
        {
            if (op.SampleStage is null && op.DatasetStage is null)
            {
                throw new ArgumentException($"Operator {op.Name} has neither a sample stage nor a dataset stage.", nameof(operators));
            }

            if (op.SampleStage is { } sample)
            {
                fused.Add(sample);
                fusedNames.Add(op.Name);
            }

            if (op.DatasetStage is { } barrier)
            {
                passes.Add(new PipelinePass([.. fused], barrier, op.Name) { SampleOperators = [.. fusedNames] });
                fused.Clear();
                fusedNames.Clear();
            }
        }

        if (fused.Count > 0)
        {
            passes.Add(new PipelinePass([.. fused], null, null) { SampleOperators = [.. fusedNames] });
        }

        return new PipelinePlan(passes);
    }
}
