using System.Text;
using System.Text.Json.Nodes;
using Refinery.Domain;
using Refinery.Engine.Mapping;
using Refinery.Engine.Staging;
using Refinery.Operators;
using Refinery.Operators.Pipeline;
using Refinery.Storage;

namespace Refinery.Engine.Tests.Mapping;

/// <summary>Fused sample stages: each sees the sample as the one before left it, a deletion ends the chain.</summary>
public sealed class FusedSampleStagesTests : IDisposable
{
    private const string VersionId = "DvFused";
    private readonly string _root = Directory.CreateTempSubdirectory("refinery-fused-").FullName;
    private readonly LocalDirectoryStore _inputs;
    private readonly StagingArea _staging;

    public FusedSampleStagesTests()
    {
        _inputs = new LocalDirectoryStore("in", Path.Combine(_root, "in"));
        _staging = new StagingArea(new LocalDirectoryStore("staging", Path.Combine(_root, "staging")), "staging");
        Directory.CreateDirectory(Path.Combine(_root, "in", "cat"));
        File.WriteAllText(Path.Combine(_root, "in", "cat", "1.jpg"), "input bytes");
    }

    [Fact]
    public async Task A_later_stage_reads_the_file_an_earlier_stage_wrote_under_its_new_name()
    {
        var reader = new ReadingStage();
        var staged = await RunAsync([new RewritingStage(), reader]);

        Assert.Equal("rewritten input bytes", reader.Read);
        Assert.Equal("cat/1_checked.jpg", reader.OutputName);
        Assert.Equal(ResultProperty.Modified, staged.Result.Property);
        Assert.Equal("cat/1_checked.jpg", staged.Result.Output!.Source);
        Assert.Equal(_staging.StagedData(VersionId, "cat/1_checked.jpg").ToUri(), staged.Result.Location!.Source);
        Assert.Equal(["rewrote", "read 21 bytes"], staged.Result.Description);
        Assert.True(staged.Record.TryGet(ReadingStage.Length, out var length) && length == 21);
    }

    [Fact]
    public async Task A_stage_that_writes_nothing_leaves_the_sample_where_it_was()
    {
        var staged = await RunAsync([new ReadingStage()]);

        Assert.Equal(ResultProperty.Reserved, staged.Result.Property);
        Assert.Equal(("cat/1.jpg", "obs://in/cat/1.jpg"), (staged.Result.Output!.Source, staged.Result.Location!.Source));
    }

    [Fact]
    public async Task A_deleting_stage_ends_the_chain_and_keeps_what_came_before()
    {
        var reader = new ReadingStage();
        var staged = await RunAsync([new RewritingStage(), new DeletingStage(), reader]);

        Assert.Null(reader.Read);
        Assert.Equal(ResultProperty.Deleted, staged.Result.Property);
        Assert.Null(staged.Result.Output);
        Assert.Equal(["rewrote", "deleted"], staged.Result.Description);
        Assert.Equal("yes", staged.Result.Values!["rewritten"]!.GetValue<string>());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Task<StagedResult> RunAsync(IReadOnlyList<ISampleStage> stages)
    {
        var fused = new FusedSampleStages(stages, TaskTypes.ImageClassification);
        var inputs = new PassInputStore(_inputs, _staging, VersionId);
        var entry = new ShardEntry(0, "cat/1.jpg", new Sample("obs://in/cat/1.jpg", Labels: ["cat"]));
        return fused.RunAsync(fused.Enter(entry), inputs, new StagingOutputWriter(_staging, inputs, VersionId), CancellationToken.None);
    }

    private static async Task<string> ReadAsync(SampleWork work, SampleEnvironment environment)
    {
        await using var stream = await environment.Inputs.OpenReadAsync(StoragePathParser.Parse("source", work.Sample.Source), CancellationToken.None);
        return await new StreamReader(stream).ReadToEndAsync();
    }

    private sealed class RewritingStage : ISampleStage
    {
        public async ValueTask<SampleOutcome> ProcessAsync(SampleWork work, SampleEnvironment environment, CancellationToken cancellationToken)
        {
            var content = Encoding.UTF8.GetBytes("rewritten " + await ReadAsync(work, environment));
            await environment.Output.WriteAsync("cat/1_checked.jpg", content, cancellationToken);
            return new SampleOutcome(
                ResultProperty.Modified, ["rewrote"], work.Sample with { Source = "cat/1_checked.jpg" }, new JsonObject { ["rewritten"] = "yes" });
        }
    }

    private sealed class ReadingStage : ISampleStage
    {
        public static readonly RecordKey<long> Length = new("length");

        public string? Read { get; private set; }

        public string? OutputName { get; private set; }

        public async ValueTask<SampleOutcome> ProcessAsync(SampleWork work, SampleEnvironment environment, CancellationToken cancellationToken)
        {
            Read = await ReadAsync(work, environment);
            OutputName = work.OutputName;
            return new SampleOutcome(ResultProperty.Reserved, [$"read {Read.Length} bytes"], work.PassThrough(), Record: new SampleRecord().Set(Length, Read.Length));
        }
    }

    private sealed class DeletingStage : ISampleStage
    {
        public ValueTask<SampleOutcome> ProcessAsync(SampleWork work, SampleEnvironment environment, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new SampleOutcome(ResultProperty.Deleted, ["deleted"], null));
    }
}
