using System.Text.Json.Nodes;
using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Tests.Pipeline;

/// <summary>How operators are cut into passes: sample stages fuse, each dataset stage is a barrier.</summary>
public sealed class PipelinePlanTests
{
    private static readonly ISampleStage _a = new NamedSampleStage("a");
    private static readonly ISampleStage _b = new NamedSampleStage("b");
    private static readonly ISampleStage _c = new NamedSampleStage("c");
    private static readonly IDatasetStage _x = new NamedDatasetStage();
    private static readonly IDatasetStage _y = new NamedDatasetStage();

    [Fact]
    public void Consecutive_sample_stages_fuse_into_one_pass_without_a_barrier()
    {
        var plan = PipelinePlan.Schedule([Sample("A", _a), Sample("B", _b)]);

        var pass = Assert.Single(plan.Passes);
        Assert.Equal([_a, _b], pass.SampleStages);
        Assert.Equal(["A", "B"], pass.SampleOperators);
        Assert.Null(pass.Barrier);
    }

    [Fact]
    public void An_operators_sample_stage_fuses_with_those_before_it_and_its_dataset_stage_ends_that_pass()
    {
        var plan = PipelinePlan.Schedule([Sample("Validate", _a), new PipelineOperator("Filter", "image_classification", _b, _x)]);

        var pass = Assert.Single(plan.Passes);
        Assert.Equal([_a, _b], pass.SampleStages);
        Assert.Same(_x, pass.Barrier);
        Assert.Equal("Filter", pass.BarrierOperator);
        Assert.True(plan.IsLast(0));
    }

    [Fact]
    public void Sample_stages_after_a_barrier_form_the_next_pass()
    {
        var plan = PipelinePlan.Schedule([
            new PipelineOperator("Filter", "image_classification", _a, _x),
            new PipelineOperator("Embed", "image_classification", _b, _y),
            Sample("Augment", _c),
        ]);

        Assert.Equal(3, plan.Passes.Count);
        Assert.Equal([_a], plan[0].SampleStages);
        Assert.Same(_x, plan[0].Barrier);
        Assert.Equal([_b], plan[1].SampleStages);
        Assert.Same(_y, plan[1].Barrier);
        Assert.Equal([_c], plan[2].SampleStages);
        Assert.Null(plan[2].Barrier);
        Assert.Equal(["Filter", "Embed", "Augment"], plan.Passes.Select(pass => Assert.Single(pass.SampleOperators)));
    }

    [Fact]
    public void Two_dataset_stages_in_a_row_make_a_pass_with_no_sample_stage_between_them()
    {
        var plan = PipelinePlan.Schedule([
            new PipelineOperator("Dedup", "image_classification", _a, _x),
            new PipelineOperator("Reduce", "image_classification", null, _y),
        ]);

        Assert.Equal(2, plan.Passes.Count);
        Assert.Empty(plan[1].SampleStages);
        Assert.Same(_y, plan[1].Barrier);
    }

    [Fact]
    public void An_operator_without_stages_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PipelinePlan.Schedule([new PipelineOperator("Nothing", "image_classification", null, null)]));
    }

    private static PipelineOperator Sample(string name, ISampleStage stage) => new(name, "image_classification", stage, null);

    private sealed class NamedSampleStage(string name) : ISampleStage
    {
        public ValueTask<SampleOutcome> ProcessAsync(SampleWork work, SampleEnvironment environment, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new SampleOutcome(Domain.ResultProperty.Reserved, [name], work.PassThrough()));
    }

    private sealed class NamedDatasetStage : IDatasetStage
    {
        public Task<JsonObject?> DecideAsync(
            Func<IAsyncEnumerable<StagedSample>> samples, Func<SampleDecision, CancellationToken, ValueTask> decide, CancellationToken cancellationToken) =>
            Task.FromResult<JsonObject?>(null);
    }
}
