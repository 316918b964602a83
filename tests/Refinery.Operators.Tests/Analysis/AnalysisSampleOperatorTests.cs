using System.Text.Json.Nodes;
using Refinery.Domain;
using Refinery.Formats.Voc;
using Refinery.Imaging;
using Refinery.Imaging.Analysis;
using Refinery.Operators.Analysis;
using Refinery.TestSupport;

namespace Refinery.Operators.Tests.Analysis;

public sealed class AnalysisSampleOperatorTests
{
    private readonly MemoryObjectStore _store = new();

    private static AnalysisParams Params(string json = """{"task_type": "image_classification"}""") =>
        AnalysisParams.Parse(new OperatorParameters(JsonNode.Parse(json)!.AsObject()), ImageDecodeLimits.DefaultMaxPixels);

    private async Task<SampleOutcome> ProcessAsync(
        string key, byte[] content, AnalysisParams? parameters = null, IAnnotationBoxReader? boxes = null, string? usage = "TRAIN")
    {
        _store.Put("bucket", key, content);
        var parsed = parameters ?? Params();
        var sample = new Sample($"obs://bucket/{key}", usage);
        var work = new SampleWork(sample, key, parsed.TaskType);
        return await new AnalysisSampleOperator(parsed, boxes ?? new FixedBoxReader(), TestDecoders.Create())
            .ProcessAsync(work, new SampleEnvironment(_store, new NoOutputWriter()), CancellationToken.None);
    }

    [Fact]
    public async Task A_jpeg_is_kept_with_every_feature_score_and_hash_in_its_values()
    {
        var outcome = await ProcessAsync("a.jpg", SampleImages.SceneJpeg(640, 480));

        Assert.Equal(ResultProperty.Reserved, outcome.Property);
        Assert.Equal("a.jpg", outcome.Output!.Source); // goes on unchanged, under its output name
        var values = outcome.Values!;
        Assert.Equal(640, values["width"]!.GetValue<int>());
        Assert.Equal(480, values["height"]!.GetValue<int>());
        Assert.Equal("TRAIN", values["usage"]!.GetValue<string>());
        foreach (var id in new[] { "resolution", "aspect_ratio", "brightness", "saturation", "clarity", "colorfulness" })
        {
            Assert.NotNull(values[id]);
        }

        foreach (var check in QualityChecks.PerImage)
        {
            Assert.NotNull(values[check.ScoreKey]);
        }

        Assert.Matches("^[0-9a-f]{16}$", values["exact_hash"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{16}$", values["phash"]!.GetValue<string>());
        Assert.Null(values["bbox_num"]);
    }

    [Fact]
    public async Task Op_list_limits_the_features_kept()
    {
        var outcome = await ProcessAsync("a.jpg", SampleImages.SceneJpeg(64, 48), Params("""{"op_list": ["brightness"]}"""));

        Assert.NotNull(outcome.Values!["brightness"]);
        Assert.Null(outcome.Values["clarity"]);
        Assert.NotNull(outcome.Values["dark_score"]);
    }

    [Fact]
    public async Task Detection_samples_with_boxes_get_box_features()
    {
        var boxes = new FixedBoxReader(new Dictionary<string, BoxRect[]>
        {
            ["obs://bucket/a.jpg"] = [new(0, 0, 20, 20), new(10, 0, 30, 20)],
        });

        var outcome = await ProcessAsync("a.jpg", SampleImages.SceneJpeg(100, 100), Params("""{"task_type": "object_detection"}"""), boxes);

        var values = outcome.Values!;
        Assert.Equal(2, values["bbox_num"]!.GetValue<int>());
        Assert.Equal([0.5, 0.5], values["bbox_overlap"]!.AsArray().Select(node => node!.GetValue<double>()));
        Assert.Equal(2, values["bbox_clarity"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_sample_with_more_boxes_than_the_limit_is_a_failed_outcome_naming_the_limit()
    {
        var boxes = new FixedBoxReader(new Dictionary<string, BoxRect[]>
        {
            ["obs://bucket/crowd.jpg"] = [.. Enumerable.Range(0, VocLimits.MaxObjectsPerImage + 1).Select(i => new BoxRect(i % 90, 0, (i % 90) + 10, 10))],
            ["obs://bucket/full.jpg"] = [.. Enumerable.Range(0, VocLimits.MaxObjectsPerImage).Select(i => new BoxRect(i % 90, 0, (i % 90) + 10, 10))],
        });
        var parameters = Params("""{"task_type": "object_detection"}""");

        var crowd = await ProcessAsync("crowd.jpg", SampleImages.SceneJpeg(100, 100), parameters, boxes);
        var full = await ProcessAsync("full.jpg", SampleImages.SceneJpeg(100, 100), parameters, boxes);

        Assert.Equal(ResultProperty.Deleted, crowd.Property);
        Assert.Contains($"{VocLimits.MaxObjectsPerImage + 1} objects, more than the limit of {VocLimits.MaxObjectsPerImage}", crowd.Description[0], StringComparison.Ordinal);
        Assert.Equal(ResultProperty.Reserved, full.Property);
        Assert.Equal(VocLimits.MaxObjectsPerImage, full.Values!["bbox_overlap"]!.AsArray().Count);
    }

    [Fact]
    public async Task Detection_samples_get_box_features_from_their_voc_file()
    {
        _store.Put("bucket", "a.xml", """
            <annotation><object><name>cat</name><bndbox><xmin>0</xmin><ymin>0</ymin><xmax>20</xmax><ymax>20</ymax></bndbox></object></annotation>
            """u8.ToArray());
        _store.Put("bucket", "a.jpg", SampleImages.SceneJpeg(100, 100));
        var parameters = Params("""{"task_type": "object_detection"}""");
        var work = new SampleWork(new Sample("obs://bucket/a.jpg", AnnotationLocation: "obs://bucket/a.xml"), "a.jpg", parameters.TaskType);

        var outcome = await new AnalysisSampleOperator(parameters, new VocAnnotationBoxReader(), TestDecoders.Create())
            .ProcessAsync(work, new SampleEnvironment(_store, new NoOutputWriter()), CancellationToken.None);

        Assert.Equal(1, outcome.Values!["bbox_num"]!.GetValue<int>());
    }

    [Fact]
    public async Task Detection_samples_without_boxes_get_image_features_only()
    {
        var outcome = await ProcessAsync("b.jpg", SampleImages.SceneJpeg(100, 100), Params("""{"task_type": "object_detection"}"""));

        Assert.NotNull(outcome.Values!["brightness"]);
        Assert.Null(outcome.Values["bbox_num"]);
    }

    public static TheoryData<string, byte[], string> BadImages()
    {
        var jpeg = SampleImages.SceneJpeg(200, 100);
        using var scene = SampleImages.Scene(200, 100);
        var corruptPng = SampleImages.Png(scene);
        for (var i = 40; i < corruptPng.Length - 20; i++)
        {
            corruptPng[i] ^= 0x5A; // header and IEND intact, pixel data and CRCs garbage
        }

        return new TheoryData<string, byte[], string>
        {
            { "empty.jpg", [], "empty" },
            { "truncated.jpg", jpeg[..(jpeg.Length / 2)], "truncated" },
            { "text.jpg", "not an image"u8.ToArray(), "not a readable" },
            { "corrupt.png", corruptPng, "could not be decoded" },
        };
    }

    [Theory]
    [MemberData(nameof(BadImages))]
    public async Task A_bad_image_is_a_failed_outcome_with_its_reason(string key, byte[] content, string reason)
    {
        var outcome = await ProcessAsync(key, content);

        Assert.Equal(ResultProperty.Deleted, outcome.Property);
        Assert.True(outcome.Values!["failed"]!.GetValue<bool>());
        Assert.Contains(reason, outcome.Values["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(reason, Assert.Single(outcome.Description), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_over_the_pixel_limit_is_refused_before_decoding()
    {
        var outcome = await ProcessAsync("big.jpg", SampleImages.SceneJpeg(200, 100), Params("""{"max_image_pixels": 10000}"""));

        Assert.True(outcome.Values!["failed"]!.GetValue<bool>());
        Assert.Contains("20000 pixels", outcome.Values["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_max_image_pixels_above_the_servers_limit_cannot_let_a_larger_image_through()
    {
        var serverLimit = new ImageDecodeLimits(MaxPixels: 10_000);
        var parameters = AnalysisParams.Parse(
            new OperatorParameters(JsonNode.Parse("""{"max_image_pixels": 1e18}""")!.AsObject()), serverLimit.MaxPixels);
        _store.Put("bucket", "big.jpg", SampleImages.SceneJpeg(200, 100));
        var work = new SampleWork(new Sample("obs://bucket/big.jpg"), "big.jpg", parameters.TaskType);

        var outcome = await new AnalysisSampleOperator(parameters, new FixedBoxReader(), TestDecoders.Create(serverLimit))
            .ProcessAsync(work, new SampleEnvironment(_store, new NoOutputWriter()), CancellationToken.None);

        Assert.True(outcome.Values!["failed"]!.GetValue<bool>());
        Assert.Contains("over the limit of 10000 pixels", outcome.Values["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a.jpg")]
    [InlineData("obs://bucket")]
    [InlineData("obs://bucket//a.jpg")]
    public async Task A_source_that_names_no_object_is_a_failed_outcome_not_an_exception(string source)
    {
        var parameters = Params();
        var work = new SampleWork(new Sample(source), "a.jpg", parameters.TaskType);

        var outcome = await new AnalysisSampleOperator(parameters, new FixedBoxReader(), TestDecoders.Create())
            .ProcessAsync(work, new SampleEnvironment(_store, new NoOutputWriter()), CancellationToken.None);

        Assert.Equal(ResultProperty.Deleted, outcome.Property);
        Assert.Contains("Field 'source'", outcome.Values!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_object_is_a_failed_outcome()
    {
        var parameters = Params();
        var work = new SampleWork(new Sample("obs://bucket/missing.jpg"), "missing.jpg", parameters.TaskType);

        var outcome = await new AnalysisSampleOperator(parameters, new FixedBoxReader(), TestDecoders.Create())
            .ProcessAsync(work, new SampleEnvironment(_store, new NoOutputWriter()), CancellationToken.None);

        Assert.Contains("does not exist", outcome.Values!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
