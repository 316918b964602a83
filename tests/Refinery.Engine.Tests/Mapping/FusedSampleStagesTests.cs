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
        _staging = new StagingArea(new LocalDirectoryStore("staging", Path.Combine(_root, "staging")), new ObjectPath("staging", ""));
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

    [Fact]
    public async Task An_added_sample_follows_its_parent_as_its_own_line_and_skips_the_later_stages()
    {
        var reader = new ReadingStage();
        var lines = await RunAllAsync([new AddingStage("flipped"), new AddingStage("blurred"), reader], addedBefore: 0);

        Assert.Equal([0, 1, 2], lines.Select(line => line.Result.AddedIndex));
        Assert.All(lines, line => Assert.Equal(7, line.Result.Ordinal));
        var (parent, flipped) = (lines[0].Result, lines[1].Result);
        Assert.Equal(ResultProperty.Reserved, parent.Property);
        Assert.Equal("cat/1.jpg", reader.OutputName); // the later stage saw the parent only
        Assert.Equal(ResultProperty.Added, flipped.Property);
        Assert.Equal("obs://in/cat/1.jpg", flipped.OriginSource);
        Assert.Equal("cat/1_flipped.jpg", flipped.Output!.Source);
        Assert.Equal(["cat"], flipped.Output.Labels);
        Assert.Equal(_staging.StagedData(VersionId, "cat/1_flipped.jpg").ToUri(), flipped.Location!.Source);
        Assert.Equal(["made flipped"], flipped.Description);
        Assert.Equal(SampleIds.ForSource("cat/1_flipped.jpg"), flipped.SampleId);
    }

    [Fact]
    public async Task Samples_added_in_a_later_pass_are_numbered_after_those_added_before()
    {
        var lines = await RunAllAsync([new AddingStage("blurred")], addedBefore: 2);

        Assert.Equal([0, 3], lines.Select(line => line.Result.AddedIndex));
    }

    [Fact]
    public async Task An_added_sample_whose_file_the_stage_did_not_write_is_a_defect()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAllAsync([new AddingStage("ghost", write: false)], addedBefore: 0));
    }

    [Fact]
    public async Task A_stage_sees_the_sample_id_of_the_input_even_after_an_earlier_stage_moved_the_file()
    {
        var reader = new ReadingStage();
        await RunAsync([new RewritingStage(), reader]);

        Assert.Equal(SampleIds.ForSource("obs://in/cat/1.jpg"), reader.SampleId);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<StagedResult> RunAsync(IReadOnlyList<ISampleStage> stages) => (await RunAllAsync(stages, addedBefore: 0))[0];

    private Task<IReadOnlyList<StagedResult>> RunAllAsync(IReadOnlyList<ISampleStage> stages, int addedBefore)
    {
        var fused = new FusedSampleStages(stages, TaskTypes.ImageClassification);
        var inputs = new PassInputStore(_inputs, _staging, VersionId);
        var entry = new ShardEntry(7, "cat/1.jpg", new Sample("obs://in/cat/1.jpg", Labels: ["cat"]));
        return fused.RunAsync(fused.Enter(entry), addedBefore, inputs, new StagingOutputWriter(_staging, inputs, VersionId), CancellationToken.None);
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

        public string? SampleId { get; private set; }

        public async ValueTask<SampleOutcome> ProcessAsync(SampleWork work, SampleEnvironment environment, CancellationToken cancellationToken)
        {
            Read = await ReadAsync(work, environment);
            OutputName = work.OutputName;
            SampleId = work.SampleId;
            return new SampleOutcome(ResultProperty.Reserved, [$"read {Read.Length} bytes"], work.PassThrough(), Record: new SampleRecord().Set(Length, Read.Length));
        }
    }

    /// <summary>Keeps the sample and adds a copy named after it, like an augmentation.</summary>
    private sealed class AddingStage(string suffix, bool write = true) : ISampleStage
    {
        public async ValueTask<SampleOutcome> ProcessAsync(SampleWork work, SampleEnvironment environment, CancellationToken cancellationToken)
        {
            var name = $"cat/1_{suffix}.jpg";
            if (write)
            {
                await environment.Output.WriteAsync(name, Encoding.UTF8.GetBytes(suffix), cancellationToken);
            }

            var added = new AddedSample(work.Sample with { Source = name, AnnotationLocation = null }, [$"made {suffix}"]);
            return new SampleOutcome(ResultProperty.Reserved, [], work.PassThrough(), Added: [added]);
        }
    }

    private sealed class DeletingStage : ISampleStage
    {
        public ValueTask<SampleOutcome> ProcessAsync(SampleWork work, SampleEnvironment environment, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new SampleOutcome(ResultProperty.Deleted, ["deleted"], null));
    }
}
