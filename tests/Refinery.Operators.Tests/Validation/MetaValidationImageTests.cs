using System.Text.Json.Nodes;
using Refinery.Domain;
using Refinery.Imaging;
using Refinery.Operators.Validation;
using Refinery.TestSupport;

namespace Refinery.Operators.Tests.Validation;

public sealed class MetaValidationImageTests : IDisposable
{
    private readonly ValidationHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task A_good_jpeg_is_reserved_and_copied_byte_identical_under_its_output_name()
    {
        var bytes = TexturedImages.Jpeg();
        var source = _harness.Put("cat/1.jpg", bytes);

        var outcome = await _harness.RunAsync(new Sample(source, "TRAIN", ["cat"], Id: "abc"), "cat/1.jpg");

        Assert.Equal(ResultProperty.Reserved, outcome.Property);
        Assert.Empty(outcome.Description);
        Assert.Equal(new Sample("cat/1.jpg", "TRAIN", ["cat"], Id: "abc").Source, outcome.Output!.Source);
        Assert.Equal(("TRAIN", "abc"), (outcome.Output.Usage, outcome.Output.Id));
        Assert.Equal(["cat"], outcome.Output.Labels);
        Assert.Equal(bytes, _harness.ReadOutput("cat/1.jpg"));
        Assert.Equal("""{"width":100,"height":80,"channels":3,"format":"jpeg"}""", outcome.Values!.ToJsonString());
    }

    [Fact]
    public async Task A_truncated_jpeg_is_deleted_with_the_reason_and_nothing_is_written()
    {
        var whole = TexturedImages.Jpeg(200, 200);
        var source = _harness.Put("1.jpg", whole[..(whole.Length / 2)]);

        var outcome = await _harness.RunAsync(new Sample(source), "1.jpg");

        Assert.Equal(ResultProperty.Deleted, outcome.Property);
        Assert.Null(outcome.Output);
        Assert.Contains("truncated", Assert.Single(outcome.Description), StringComparison.Ordinal);
        Assert.Empty(_harness.OutputFiles());
    }

    [Fact]
    public async Task A_zero_byte_file_is_deleted()
    {
        var outcome = await _harness.RunAsync(new Sample(_harness.Put("1.jpg", [])), "1.jpg");

        Assert.Equal(ResultProperty.Deleted, outcome.Property);
        Assert.Contains("empty", Assert.Single(outcome.Description), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_input_is_deleted_with_the_reason_not_thrown()
    {
        var outcome = await _harness.RunAsync(new Sample("obs://in/nowhere.jpg"), "nowhere.jpg");

        Assert.Equal(ResultProperty.Deleted, outcome.Property);
        Assert.Contains("does not exist", Assert.Single(outcome.Description), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_input_over_the_byte_limit_is_deleted_without_reading_it_whole()
    {
        var source = _harness.Put("1.jpg", TexturedImages.Jpeg());
        var validation = new MetaValidationOperator(
            MetaValidationParams.Parse(new OperatorParameters(new JsonObject { ["task_type"] = TaskTypes.ImageClassification })), new ImageDecoder(new ImageDecodeLimits(MaxBytes: 100)));

        var outcome = await validation.ProcessAsync(
            new SampleWork(new Sample(source), "1.jpg", TaskTypes.ImageClassification),
            new SampleEnvironment(_harness.Inputs, _harness.Output),
            CancellationToken.None);

        Assert.Equal(ResultProperty.Deleted, outcome.Property);
        Assert.Contains("larger than the limit of 100 bytes", Assert.Single(outcome.Description), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nowhere.jpg")]
    [InlineData("obs://in")]
    [InlineData("obs://in//nowhere.jpg")]
    public async Task A_source_that_names_no_object_is_deleted_with_the_reason_not_thrown(string source)
    {
        var outcome = await _harness.RunAsync(new Sample(source), "nowhere.jpg");

        Assert.Equal(ResultProperty.Deleted, outcome.Property);
        var reason = Assert.Single(outcome.Description);
        Assert.Contains("Field 'source'", reason, StringComparison.Ordinal);
        Assert.Contains(source, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grayscale_png_is_converted_to_three_channels_and_saved_as_png_with_checked_suffix()
    {
        var source = _harness.Put("dog/1.png", TexturedImages.GrayPng());

        var outcome = await _harness.RunAsync(new Sample(source, Labels: ["dog"]), "dog/1.png");

        Assert.Equal(ResultProperty.Modified, outcome.Property);
        Assert.Equal(["converted 1-channel image to 3-channel RGB"], outcome.Description);
        Assert.Equal("dog/1_checked.png", outcome.Output!.Source);
        using var written = _harness.DecodeOutput("dog/1_checked.png");
        Assert.Equal(3, written.Channels());
        Assert.Equal(Imaging.ImageFormat.Png, Imaging.ImageFormatSniffer.Sniff(_harness.ReadOutput("dog/1_checked.png")));
    }

    [Fact]
    public async Task A_gray_alpha_png_is_converted_to_three_channels()
    {
        var outcome = await _harness.RunAsync(new Sample(_harness.Put("1.png", TexturedImages.GrayAlphaPng(20, 10))), "1.png");

        Assert.Equal(ResultProperty.Modified, outcome.Property);
        Assert.Equal(["converted 2-channel image to 3-channel RGB"], outcome.Description);
        using var written = _harness.DecodeOutput("1_checked.png");
        Assert.Equal(3, written.Channels());
    }

    [Fact]
    public async Task A_png_saved_as_jpg_is_renamed_to_png_without_re_encoding()
    {
        var bytes = TexturedImages.Png();
        var source = _harness.Put("1.jpg", bytes);

        var outcome = await _harness.RunAsync(new Sample(source), "1.jpg");

        Assert.Equal(ResultProperty.Modified, outcome.Property);
        Assert.Equal(["renamed extension .jpg to .png: the file is PNG data"], outcome.Description);
        Assert.Equal("1_checked.png", outcome.Output!.Source);
        Assert.Equal(bytes, _harness.ReadOutput("1_checked.png"));
    }

    [Fact]
    public async Task A_jpeg_named_png_is_renamed_to_jpg()
    {
        var source = _harness.Put("1.png", TexturedImages.Jpeg());

        var outcome = await _harness.RunAsync(new Sample(source), "1.png");

        Assert.Equal(["renamed extension .png to .jpg: the file is JPEG data"], outcome.Description);
        Assert.Equal("1_checked.jpg", outcome.Output!.Source);
    }

    [Fact]
    public async Task A_jpeg_keeps_its_jpeg_extension()
    {
        var source = _harness.Put("1.jpeg", TexturedImages.Jpeg());

        var outcome = await _harness.RunAsync(new Sample(source), "1.jpeg");

        Assert.Equal((ResultProperty.Reserved, "1.jpeg"), (outcome.Property, outcome.Output!.Source));
    }

    [Theory]
    [InlineData(".webp")]
    [InlineData(".tiff")]
    public async Task An_unsupported_format_is_re_encoded_as_jpg(string extension)
    {
        using var color = TexturedImages.Color(40, 30);
        var source = _harness.Put("1" + extension, TexturedImages.Encode(color, extension));

        var outcome = await _harness.RunAsync(new Sample(source), "1" + extension);

        Assert.Equal(ResultProperty.Modified, outcome.Property);
        Assert.Contains(outcome.Description, line => line.Contains("is not a supported format", StringComparison.Ordinal));
        Assert.Equal("1_checked.jpg", outcome.Output!.Source);
        Assert.Equal(Imaging.ImageFormat.Jpeg, Imaging.ImageFormatSniffer.Sniff(_harness.ReadOutput("1_checked.jpg")));
    }

    [Fact]
    public async Task An_oversize_image_is_shrunk_keeping_its_aspect_ratio()
    {
        var source = _harness.Put("1.jpg", TexturedImages.Jpeg(400, 200));

        var outcome = await _harness.RunAsync(new Sample(source), "1.jpg", parameters: new JsonObject { ["image_max_width"] = "100" });

        Assert.Equal(ResultProperty.Modified, outcome.Property);
        Assert.Equal(["shrank image from 400x200 to 100x50 to fit image_max_width 100 and image_max_height -1"], outcome.Description);
        using var written = _harness.DecodeOutput("1_checked.jpg");
        Assert.Equal((100, 50), (written.Width, written.Height));
    }

    [Fact]
    public async Task The_tighter_of_both_limits_decides_the_shrink()
    {
        var source = _harness.Put("1.png", TexturedImages.Png(400, 200));

        var outcome = await _harness.RunAsync(new Sample(source), "1.png", parameters: new JsonObject { ["image_max_width"] = 300, ["image_max_height"] = 50 });

        Assert.Equal((100, 50), ((int)outcome.Values!["width"]!, (int)outcome.Values["height"]!));
        Assert.Equal("1_checked.png", outcome.Output!.Source);
    }

    [Fact]
    public async Task An_image_within_the_limits_is_not_touched()
    {
        var source = _harness.Put("1.jpg", TexturedImages.Jpeg(100, 80));

        var outcome = await _harness.RunAsync(new Sample(source), "1.jpg", parameters: new JsonObject { ["image_max_width"] = 100, ["image_max_height"] = 80 });

        Assert.Equal(ResultProperty.Reserved, outcome.Property);
    }
}
