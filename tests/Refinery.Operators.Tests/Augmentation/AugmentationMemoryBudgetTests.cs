using System.Text;
using System.Text.Json.Nodes;
using Refinery.Domain;
using Refinery.Formats.Voc;
using Refinery.Imaging;
using Refinery.Operators.Augmentation;
using Refinery.Operators.Tests.Validation;
using Refinery.Storage;
using Refinery.TestSupport;

namespace Refinery.Operators.Tests.Augmentation;

/// <summary>
/// An augmentation's pixels inside the server's decode memory budget: reserved with the decode, refused per sample
/// when more than the whole budget, and always given back.
/// </summary>
public sealed class AugmentationMemoryBudgetTests : IDisposable
{
    private const long SmallBudgetBytes = 8L * 1024 * 1024;

    private readonly ValidationHarness _harness = new();
    private readonly ImageDecoder _decoder = new(ImageDecodeLimits.Default, new DecodeMemoryBudget(SmallBudgetBytes));

    [Fact]
    public async Task A_Resize_beyond_the_budget_keeps_the_sample_saying_why_while_other_operators_of_the_task_still_run()
    {
        var sample = new Sample(_harness.Put("1.jpg", TexturedImages.Jpeg(64, 48)));

        var refused = await RunAsync("Resize", sample, """{"width": "2048", "height": "2048"}""");
        var flipped = await RunAsync("Flip", sample);

        Assert.Equal((ResultProperty.Reserved, "1.jpg"), (refused.Property, refused.Output!.Source));
        Assert.Null(refused.Added);
        var reason = Assert.Single(refused.Description);
        Assert.StartsWith("not augmented: Resize on its 64x48 pixels needs ", reason, StringComparison.Ordinal);
        Assert.EndsWith($"more than the server's whole decode memory budget of {SmallBudgetBytes} bytes", reason, StringComparison.Ordinal);
        Assert.False(_harness.OutputExists("1_aug1_Resize.jpg"));
        Assert.Equal("1_aug1_Flip.jpg", Assert.Single(flipped.Added!).Output.Source);
        Assert.Equal(0, _decoder.Budget.InUse);
    }

    [Fact]
    public async Task A_Resize_within_the_budget_runs()
    {
        var outcome = await RunAsync("Resize", new Sample(_harness.Put("1.jpg", TexturedImages.Jpeg(64, 48))), """{"width": "256", "height": "256"}""");

        Assert.Equal("1_aug1_Resize.jpg", Assert.Single(outcome.Added!).Output.Source);
        Assert.Equal(0, _decoder.Budget.InUse);
    }

    [Theory]
    [InlineData("Flip", "{}", "added")]
    [InlineData("Resize", """{"width": "4096", "height": "4096"}""", "refused")]
    [InlineData("Rotate", """{"angle_min": "45", "angle_max": "45"}""", "dropped")]
    public async Task Every_outcome_gives_its_reservation_back(string name, string parameters, string expected)
    {
        var sample = new Sample(_harness.Put("1.jpg", TexturedImages.Jpeg(64, 48)), AnnotationLocation: _harness.Put("1.xml", Voc(64, 48)));

        var outcome = await RunAsync(name, sample, parameters, TaskTypes.ObjectDetection);

        var actual = outcome.Added is { Count: 1 } ? "added" : outcome.Description[0].StartsWith("not augmented", StringComparison.Ordinal) ? "refused" : "dropped";
        Assert.Equal(expected, actual);
        Assert.Equal(0, _decoder.Budget.InUse);
    }

    [Fact]
    public async Task An_image_that_does_not_decode_reserves_nothing()
    {
        var outcome = await RunAsync("Flip", new Sample(_harness.Put("bad.jpg", Encoding.UTF8.GetBytes("not an image"))));

        Assert.Equal(ResultProperty.Deleted, outcome.Property);
        Assert.Equal(0, _decoder.Budget.InUse);
    }

    [Fact]
    public async Task A_failing_write_gives_the_reservation_back()
    {
        var sample = new Sample(_harness.Put("1.jpg", TexturedImages.Jpeg(64, 48)));
        var stage = Stage("Flip");

        await Assert.ThrowsAsync<IOException>(() =>
            stage.ProcessAsync(new SampleWork(sample, "1.jpg", TaskTypes.ImageClassification), new SampleEnvironment(_harness.Inputs, new FailingOutput()), CancellationToken.None).AsTask());

        Assert.Equal(0, _decoder.Budget.InUse);
    }

    [Fact]
    public async Task A_sample_waits_for_room_and_a_cancelled_wait_holds_nothing()
    {
        var sample = new Sample(_harness.Put("1.jpg", TexturedImages.Jpeg(64, 48)));
        var everything = await _decoder.Budget.ReserveAsync(SmallBudgetBytes, CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var cancelled = RunAsync("Flip", sample, cancellationToken: cancellation.Token);
        var waiting = RunAsync("Flip", sample, outputName: "2.jpg");
        Assert.False(cancelled.IsCompleted || waiting.IsCompleted);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(SmallBudgetBytes, _decoder.Budget.InUse);
        everything.Dispose();

        Assert.Equal("2_aug1_Flip.jpg", Assert.Single((await waiting).Added!).Output.Source);
        Assert.Equal(0, _decoder.Budget.InUse);
    }

    public void Dispose() => _harness.Dispose();

    private AugmentationSampleStage Stage(string name, string parameters = "{}") =>
        new(AugmentationOperators.Find(name).Parse(new OperatorParameters(JsonNode.Parse(parameters)!.AsObject())), "seed", 0, _decoder);

    private Task<SampleOutcome> RunAsync(
        string name, Sample sample, string parameters = "{}", string taskType = TaskTypes.ImageClassification, string outputName = "1.jpg",
        CancellationToken cancellationToken = default) =>
        Stage(name, parameters).ProcessAsync(new SampleWork(sample, outputName, taskType), new SampleEnvironment(_harness.Inputs, _harness.Output), cancellationToken).AsTask();

    /// <summary>One box over the whole image: any turn but a multiple of 90° pushes a corner off the canvas.</summary>
    private static byte[] Voc(int width, int height) =>
        VocAnnotationWriter.Write(new VocAnnotation("in", "1.jpg", null, width, height, 3, false, [new VocObject("all", Box: new VocBox(0, 0, width, height))]));

    private sealed class FailingOutput : IOutputWriter
    {
        public Task WriteAsync(string relativePath, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
            throw new IOException("the staging disk is full");

        public Task CopyAsync(string relativePath, ObjectPath source, CancellationToken cancellationToken) =>
            throw new IOException("the staging disk is full");
    }
}
