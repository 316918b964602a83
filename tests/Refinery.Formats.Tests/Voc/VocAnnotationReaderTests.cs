using System.Text;
using Refinery.Formats.Voc;

namespace Refinery.Formats.Tests.Voc;

public sealed class VocAnnotationReaderTests
{
    private const string Document = """
        <annotation>
            <folder>imgs</folder>
            <filename>1.jpg</filename>
            <source><database>Unknown</database></source>
            <size><width>640</width><height>480</height><depth>3</depth></size>
            <segmented>0</segmented>
            <object>
                <name>cat</name><pose>Unspecified</pose><truncated>0</truncated><occluded>1</occluded><difficult>0</difficult>
                <confidence>0.8</confidence>
                <bndbox><xmin>10</xmin><ymin>20.5</ymin><xmax>100</xmax><ymax>200</ymax></bndbox>
            </object>
            <object>
                <name>dog</name>
                <polygon><x1>1</x1><y1>1</y1><x2>5</x2><y2>1</y2><x3>5</x3><y3>5</y3></polygon>
            </object>
        </annotation>
        """;

    private static VocReadResult Read(string xml) => VocAnnotationReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    [Fact]
    public void Reads_header_size_and_rectangle_objects()
    {
        var result = Read(Document);

        Assert.True(result.Succeeded);
        var annotation = result.Annotation;
        Assert.Equal(("imgs", "1.jpg", "Unknown"), (annotation.Folder, annotation.Filename, annotation.Database));
        Assert.Equal((640, 480, 3), (annotation.Width, annotation.Height, annotation.Depth));
        var cat = annotation.Objects[0];
        Assert.Equal(new VocBox(10, 20.5, 100, 200), cat.Box);
        Assert.True(cat.Occluded);
        Assert.False(cat.HasNonRectangleShape);
    }

    [Fact]
    public void Marks_a_polygon_object_as_a_non_rectangle_shape_without_a_box()
    {
        var dog = Read(Document).Annotation!.Objects[1];

        Assert.Null(dog.Box);
        Assert.Equal("polygon", dog.NonRectangleShape);
    }

    [Theory]
    [InlineData("point")]
    [InlineData("circle")]
    [InlineData("line")]
    public void Recognises_other_non_rectangle_shapes(string shape)
    {
        var xml = $"<annotation><object><name>a</name><{shape}><x1>1</x1><y1>2</y1></{shape}></object></annotation>";

        Assert.Equal(shape, Read(xml).Annotation!.Objects[0].NonRectangleShape);
    }

    [Fact]
    public void Missing_size_reads_as_null_dimensions()
    {
        var annotation = Read("<annotation><filename>a.jpg</filename><object><name>a</name></object></annotation>").Annotation!;

        Assert.Equal((null, null, null), (annotation.Width, annotation.Height, annotation.Depth));
    }

    [Fact]
    public void Accepts_sizes_written_with_a_zero_fraction()
    {
        var annotation = Read("<annotation><size><width>500.0</width><height>375</height></size></annotation>").Annotation!;

        Assert.Equal((500, 375), (annotation.Width, annotation.Height));
    }

    [Fact]
    public void A_bndbox_with_a_non_numeric_coordinate_reads_as_no_box()
    {
        var xml = "<annotation><object><name>a</name><bndbox><xmin>x</xmin><ymin>1</ymin><xmax>5</xmax><ymax>5</ymax></bndbox></object></annotation>";

        Assert.Null(Read(xml).Annotation!.Objects[0].Box);
    }

    [Theory]
    [InlineData("<annotation><object>")]
    [InlineData("not xml at all")]
    [InlineData("")]
    public void Malformed_xml_is_a_failure_with_a_reason(string xml)
    {
        var result = Read(xml);

        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.Failure));
    }

    [Fact]
    public void A_root_other_than_annotation_is_a_failure()
    {
        var result = Read("<html><body/></html>");

        Assert.False(result.Succeeded);
        Assert.Contains("<html>", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_type_definition_is_refused_so_entities_cannot_expand()
    {
        const string Bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <annotation><folder>&lol2;</folder></annotation>
            """;

        Assert.False(Read(Bomb).Succeeded);
    }
}
