using System.Text;
using System.Text.Json.Nodes;
using Refinery.Domain;
using Refinery.Formats.Voc;
using Refinery.Imaging;
using Refinery.Operators.Augmentation;
using Refinery.Operators.Tests.Validation;
using Refinery.TestSupport;

namespace Refinery.Operators.Tests.Augmentation;

/// <summary>One augmentation as a sample stage: the sample kept, one new sample added with its file, boxes and labels.</summary>
public sealed class AugmentationSampleStageTests : IDisposable
{
    // Its store, output and file helpers; its MetaValidation run is not used here.
    private readonly ValidationHarness _harness = new();

    [Fact]
    public async Task Flip_keeps_the_sample_and_adds_a_mirrored_copy_with_its_boxes_and_size_in_a_new_VOC_file()
    {
        var sample = new Sample(_harness.Put("street/1.jpg", TexturedImages.Jpeg(64, 48)), "TRAIN", AnnotationLocation: _harness.Put("street/1.xml", Voc(64, 48, ("car", 4, 6, 20, 30))));

        var outcome = await RunAsync("Flip", sample, "street/1.jpg", TaskTypes.ObjectDetection, operatorIndex: 2);

        Assert.Equal((ResultProperty.Reserved, "street/1.jpg", "street/1.xml"), (outcome.Property, outcome.Output!.Source, outcome.Output.AnnotationLocation));
        var added = Assert.Single(outcome.Added!);
        Assert.Equal(("street/1_aug3_Flip.jpg", "street/1_aug3_Flip.xml", "TRAIN"), (added.Output.Source, added.Output.AnnotationLocation, added.Output.Usage));
        Assert.StartsWith("use Flip augmentation {", added.Description[0], StringComparison.Ordinal);
        var voc = _harness.ReadOutputAnnotation("street/1_aug3_Flip.xml");
        Assert.Equal(("1_aug3_Flip.jpg", 64, 48), (voc.Filename, voc.Width, voc.Height));
        Assert.Equal(new VocBox(44, 6, 60, 30), Assert.Single(voc.Objects).Box);
        using var image = _harness.DecodeOutput("street/1_aug3_Flip.jpg");
        Assert.Equal((64, 48), (image.Width, image.Height));
    }

    [Fact]
    public async Task A_classification_copy_carries_the_labels_and_a_PNG_stays_PNG()
    {
        var sample = new Sample(_harness.Put("cat/2.png", TexturedImages.Png(40, 30)), Labels: ["cat"]);

        var outcome = await RunAsync("Grayscale", sample, "cat/2.png", TaskTypes.ImageClassification, operatorIndex: 0);

        var added = Assert.Single(outcome.Added!);
        Assert.Equal("cat/2_aug1_Grayscale.png", added.Output.Source);
        Assert.Equal(["cat"], added.Output.Labels);
        Assert.Equal(ImageFormat.Png, ImageDecoder.Inspect(_harness.ReadOutput("cat/2_aug1_Grayscale.png")).Format);
    }

    [Fact]
    public async Task An_image_that_does_not_decode_is_deleted_with_the_reason()
    {
        var outcome = await RunAsync("Flip", new Sample(_harness.Put("bad.jpg", Encoding.UTF8.GetBytes("not an image"))), "bad.jpg", TaskTypes.ImageClassification, 0);

        Assert.Equal(ResultProperty.Deleted, outcome.Property);
        Assert.Null(outcome.Output);
        Assert.StartsWith("dropped the image: it cannot be decoded", Assert.Single(outcome.Description), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copy_that_keeps_no_box_is_written_without_an_annotation_and_says_so()
    {
        var sample = new Sample(_harness.Put("1.jpg", TexturedImages.Jpeg(64, 48)), AnnotationLocation: _harness.Put("1.xml", Voc(64, 48, ("tiny", 0, 0, 3, 3))));

        var outcome = await RunAsync("Resize", sample, "1.jpg", TaskTypes.ObjectDetection, 0, """{"width": "16", "height": "12"}""");

        var added = Assert.Single(outcome.Added!);
        Assert.Null(added.Output.AnnotationLocation);
        Assert.Contains("written without an annotation: no box is left on the augmented image", added.Description);
    }

    [Fact]
    public async Task The_same_seed_draws_the_same_image_and_another_seed_another()
    {
        var sample = new Sample(_harness.Put("1.png", TexturedImages.Png(32, 32)));

        await RunAsync("AddNoise", sample, "a/1.png", TaskTypes.ImageClassification, 0, seed: "s");
        await RunAsync("AddNoise", sample, "b/1.png", TaskTypes.ImageClassification, 0, seed: "s");
        await RunAsync("AddNoise", sample, "c/1.png", TaskTypes.ImageClassification, 0, seed: "t");

        var first = _harness.ReadOutput("a/1_aug1_AddNoise.png");
        Assert.Equal(first, _harness.ReadOutput("b/1_aug1_AddNoise.png"));
        Assert.NotEqual(first, _harness.ReadOutput("c/1_aug1_AddNoise.png"));
    }

    public void Dispose() => _harness.Dispose();

    private async Task<SampleOutcome> RunAsync(
        string operatorName, Sample sample, string outputName, string taskType, int operatorIndex, string parameters = "{}", string seed = "seed")
    {
        var augmentation = AugmentationOperators.Find(operatorName).Parse(new OperatorParameters(JsonNode.Parse(parameters)!.AsObject()));
        var stage = new AugmentationSampleStage(augmentation, seed, operatorIndex, TestDecoders.Create());
        return await stage.ProcessAsync(new SampleWork(sample, outputName, taskType), new SampleEnvironment(_harness.Inputs, _harness.Output), CancellationToken.None);
    }

    private static byte[] Voc(int width, int height, params (string Name, double XMin, double YMin, double XMax, double YMax)[] boxes) =>
        VocAnnotationWriter.Write(new VocAnnotation(
            "in", "x.jpg", null, width, height, 3, false,
            [.. boxes.Select(box => new VocObject(box.Name, Box: new VocBox(box.XMin, box.YMin, box.XMax, box.YMax)))]));
}
