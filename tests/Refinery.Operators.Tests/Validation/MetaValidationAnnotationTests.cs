using System.Globalization;
using System.Text.Json.Nodes;
using Refinery.Domain;
using Refinery.Formats.Voc;
using Refinery.TestSupport;

namespace Refinery.Operators.Tests.Validation;

public sealed class MetaValidationAnnotationTests : IDisposable
{
    private readonly ValidationHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static string Box(string name, double xmin, double ymin, double xmax, double ymax) => string.Create(
        CultureInfo.InvariantCulture,
        $"<object><name>{name}</name><pose>Unspecified</pose><truncated>0</truncated><occluded>0</occluded><difficult>0</difficult><bndbox><xmin>{xmin}</xmin><ymin>{ymin}</ymin><xmax>{xmax}</xmax><ymax>{ymax}</ymax></bndbox></object>");

    private static string Voc(string size, params string[] objects) =>
        $"<annotation><folder>in</folder><filename>1.jpg</filename><source><database>Unknown</database></source>{size}<segmented>0</segmented>{string.Concat(objects)}</annotation>";

    private const string Size = "<size><width>100</width><height>80</height><depth>3</depth></size>";

    /// <summary>A 100x80 JPEG at in/1.jpg with the given XML at in/1.xml, validated as object detection.</summary>
    private async Task<SampleOutcome> RunAsync(string xml, JsonObject? parameters = null, int width = 100, int height = 80)
    {
        var source = _harness.Put("1.jpg", TexturedImages.Jpeg(width, height));
        var annotation = _harness.Put("1.xml", xml);
        return await _harness.RunDetectionAsync(new Sample(source, AnnotationLocation: annotation), "1.jpg", parameters);
    }

    [Fact]
    public async Task A_good_pair_is_reserved_and_both_files_are_copied_byte_identical()
    {
        var xml = Voc(Size, Box("cat", 10, 10, 50, 50));

        var outcome = await RunAsync(xml);

        Assert.Equal(ResultProperty.Reserved, outcome.Property);
        Assert.Equal(("1.jpg", "1.xml"), (outcome.Output!.Source, outcome.Output.AnnotationLocation));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(xml), _harness.ReadOutput("1.xml"));
    }

    [Fact]
    public async Task A_box_more_than_half_outside_the_image_is_dropped()
    {
        var outcome = await RunAsync(Voc(Size, Box("cat", 10, 10, 50, 50), Box("dog", 85, 10, 125, 30)));

        Assert.Equal(ResultProperty.Modified, outcome.Property);
        Assert.Equal(["dropped object 2 (dog): 62.5 % of its box lay outside the 100x80 image"], outcome.Description);
        var written = _harness.ReadOutputAnnotation("1_checked.xml");
        Assert.Equal(["cat"], written.Objects.Select(item => item.Name));
    }

    [Fact]
    public async Task A_box_less_than_half_outside_the_image_is_clipped_to_it()
    {
        var outcome = await RunAsync(Voc(Size, Box("cat", 72, 10, 112, 30)));

        Assert.Equal(["clipped object 1 (cat) to the image: 30 % of it lay outside"], outcome.Description);
        Assert.Equal(new VocBox(72, 10, 100, 30), Assert.Single(_harness.ReadOutputAnnotation("1_checked.xml").Objects).Box);
    }

    [Fact]
    public async Task A_box_narrower_than_two_pixels_is_dropped()
    {
        var outcome = await RunAsync(Voc(Size, Box("cat", 10, 10, 50, 50), Box("dog", 20, 20, 21, 60)));

        Assert.Equal(["dropped object 2 (dog): box 1.0 px wide, under 2 px"], outcome.Description);
    }

    [Fact]
    public async Task A_box_lower_than_two_pixels_is_dropped()
    {
        var outcome = await RunAsync(Voc(Size, Box("cat", 10, 10, 50, 50), Box("dog", 20, 20, 60, 21.5)));

        Assert.Equal(["dropped object 2 (dog): box 1.5 px high, under 2 px"], outcome.Description);
    }

    [Fact]
    public async Task An_inverted_box_is_dropped()
    {
        var outcome = await RunAsync(Voc(Size, Box("cat", 10, 10, 50, 50), Box("dog", 60, 10, 20, 50), Box("cow", 10, 60, 50, 20)));

        Assert.Equal(["dropped object 2 (dog): xmin 60 > xmax 20", "dropped object 3 (cow): ymin 60 > ymax 20"], outcome.Description);
        Assert.Equal(["cat"], _harness.ReadOutputAnnotation("1_checked.xml").Objects.Select(item => item.Name));
    }

    [Fact]
    public async Task A_missing_size_is_filled_from_the_image()
    {
        var outcome = await RunAsync(Voc("", Box("cat", 10, 10, 50, 50)));

        Assert.Equal(["set <size> to 100x80x3 from the image: its width or height was missing"], outcome.Description);
        var written = _harness.ReadOutputAnnotation("1_checked.xml");
        Assert.Equal((100, 80, 3), (written.Width, written.Height, written.Depth));
    }

    [Fact]
    public async Task A_wrong_size_is_corrected_to_the_image()
    {
        var outcome = await RunAsync(Voc("<size><width>640</width><height>480</height><depth>3</depth></size>", Box("cat", 10, 10, 50, 50)));

        Assert.Equal(["corrected <size> from 640x480 to 100x80: it did not match the image"], outcome.Description);
        Assert.Equal((100, 80), (_harness.ReadOutputAnnotation("1_checked.xml").Width, _harness.ReadOutputAnnotation("1_checked.xml").Height));
    }

    [Fact]
    public async Task An_object_without_a_bndbox_is_dropped()
    {
        var polygon = "<object><name>dog</name><polygon><x1>1</x1><y1>1</y1><x2>9</x2><y2>1</y2><x3>9</x3><y3>9</y3></polygon></object>";

        var outcome = await RunAsync(Voc(Size, Box("cat", 10, 10, 50, 50), polygon, "<object><name>cow</name></object>"));

        Assert.Equal(["dropped object 2 (dog): it has a polygon shape, not a rectangle bndbox", "dropped object 3 (cow): it has no bndbox"], outcome.Description);
        Assert.Equal(["cat"], _harness.ReadOutputAnnotation("1_checked.xml").Objects.Select(item => item.Name));
    }

    [Fact]
    public async Task Unparsable_xml_is_dropped_and_the_image_kept()
    {
        var outcome = await RunAsync("<annotation><object>");

        Assert.Equal(ResultProperty.Modified, outcome.Property);
        Assert.StartsWith("dropped the annotation: the XML cannot be parsed", Assert.Single(outcome.Description), StringComparison.Ordinal);
        Assert.Equal(("1_checked.jpg", null), (outcome.Output!.Source, outcome.Output.AnnotationLocation));
        Assert.Equal(["1_checked.jpg"], _harness.OutputFiles());
    }

    [Fact]
    public async Task Xml_with_no_objects_is_dropped()
    {
        var outcome = await RunAsync(Voc(Size));

        Assert.Equal(["dropped the annotation: it has no <object>"], outcome.Description);
        Assert.Null(outcome.Output!.AnnotationLocation);
    }

    [Fact]
    public async Task Xml_with_no_rectangle_box_is_dropped()
    {
        var outcome = await RunAsync(Voc(Size, "<object><name>dog</name><point><x1>1</x1><y1>1</y1></point></object>"));

        Assert.Equal(["dropped the annotation: no object has a rectangle bndbox"], outcome.Description);
    }

    [Fact]
    public async Task A_missing_annotation_file_drops_the_annotation_with_the_reason()
    {
        var source = _harness.Put("1.jpg", TexturedImages.Jpeg());

        var outcome = await _harness.RunDetectionAsync(new Sample(source, AnnotationLocation: "obs://in/absent.xml"), "1.jpg");

        Assert.Equal(ResultProperty.Modified, outcome.Property);
        Assert.Contains("does not exist", Assert.Single(outcome.Description), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_annotation_location_that_names_no_object_drops_the_annotation_with_the_reason()
    {
        var source = _harness.Put("1.jpg", TexturedImages.Jpeg());

        var outcome = await _harness.RunDetectionAsync(new Sample(source, AnnotationLocation: "in/1.xml"), "1.jpg");

        Assert.Equal(ResultProperty.Modified, outcome.Property);
        Assert.Contains("Field 'annotation-loc'", Assert.Single(outcome.Description), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shrinking_the_image_scales_every_box_and_the_size_by_the_same_ratio()
    {
        var outcome = await RunAsync(
            Voc("<size><width>200</width><height>160</height><depth>3</depth></size>", Box("cat", 20, 40, 120, 100)),
            new JsonObject { ["image_max_width"] = 100 },
            width: 200,
            height: 160);

        Assert.Equal(
            [
                "shrank image from 200x160 to 100x80 to fit image_max_width 100 and image_max_height -1",
                "scaled every box by 0.5 horizontally and 0.5 vertically, as the image was shrunk",
                "corrected <size> from 200x160 to 100x80: it did not match the image",
            ],
            outcome.Description);
        var written = _harness.ReadOutputAnnotation("1_checked.xml");
        Assert.Equal(new VocBox(10, 20, 60, 50), Assert.Single(written.Objects).Box);
        Assert.Equal((100, 80, "1_checked.jpg"), (written.Width!.Value, written.Height!.Value, written.Filename!));
    }

    [Fact]
    public async Task When_only_the_image_changes_the_xml_is_rewritten_beside_it_naming_the_new_image()
    {
        var source = _harness.Put("street/1.jpg", TexturedImages.Png());
        var annotation = _harness.Put("street/1.xml", Voc(Size, Box("cat", 10, 10, 50, 50)));

        var outcome = await _harness.RunDetectionAsync(new Sample(source, AnnotationLocation: annotation), "street/1.jpg");

        Assert.Equal(("street/1_checked.png", "street/1_checked.xml"), (outcome.Output!.Source, outcome.Output.AnnotationLocation));
        Assert.Equal("1_checked.png", _harness.ReadOutputAnnotation("street/1_checked.xml").Filename);
    }

    [Fact]
    public async Task Classification_samples_skip_the_xml_checks()
    {
        var source = _harness.Put("1.jpg", TexturedImages.Jpeg());
        var annotation = _harness.Put("1.xml", "<annotation><object>");

        var outcome = await _harness.RunAsync(new Sample(source, AnnotationLocation: annotation), "1.jpg");

        Assert.Equal((ResultProperty.Reserved, null), (outcome.Property, outcome.Output!.AnnotationLocation));
    }
}
