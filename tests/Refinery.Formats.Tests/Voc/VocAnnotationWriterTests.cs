using System.Text;
using System.Xml.Linq;
using Refinery.Formats.Voc;

namespace Refinery.Formats.Tests.Voc;

public sealed class VocAnnotationWriterTests
{
    private const string Document = """
        <annotation>
            <folder>imgs</folder>
            <filename>1.jpg</filename>
            <source><database>Unknown</database></source>
            <size><width>640</width><height>480</height><depth>3</depth></size>
            <segmented>0</segmented>
            <mask_source>obs://b/m.png</mask_source>
            <object>
                <name>cat</name><pose>Unspecified</pose><truncated>1</truncated><occluded>0</occluded><difficult>0</difficult>
                <hard-coefficient>0.3</hard-coefficient>
                <bndbox><xmin>10</xmin><ymin>20.5</ymin><xmax>100</xmax><ymax>200</ymax></bndbox>
            </object>
        </annotation>
        """;

    private static VocAnnotation Read(byte[] bytes) => VocAnnotationReader.Read(new MemoryStream(bytes)).Annotation!;

    [Fact]
    public void Round_trip_keeps_every_modelled_value()
    {
        var original = Read(Encoding.UTF8.GetBytes(Document));

        var again = Read(VocAnnotationWriter.Write(original));

        Assert.Equal(
            (original.Folder, original.Filename, original.Database, original.Width, original.Height, original.Depth, original.Segmented),
            (again.Folder, again.Filename, again.Database, again.Width, again.Height, again.Depth, again.Segmented));
        Assert.Equal(original.Objects.Select(o => (o.Name, o.Pose, o.Truncated, o.Box)), again.Objects.Select(o => (o.Name, o.Pose, o.Truncated, o.Box)));
    }

    [Fact]
    public void Round_trip_keeps_children_the_model_does_not_know()
    {
        var written = XDocument.Load(new MemoryStream(VocAnnotationWriter.Write(Read(Encoding.UTF8.GetBytes(Document)))));

        Assert.Equal("obs://b/m.png", written.Root!.Element("mask_source")?.Value);
        Assert.Equal("0.3", written.Root.Element("object")!.Element("hard-coefficient")?.Value);
    }

    [Fact]
    public void Changed_values_replace_the_read_ones()
    {
        var original = Read(Encoding.UTF8.GetBytes(Document));
        var changed = original with
        {
            Filename = "1_checked.jpg",
            Width = 320,
            Objects = [original.Objects[0] with { Box = new VocBox(5, 10, 50, 100) }],
        };

        var again = Read(VocAnnotationWriter.Write(changed));

        Assert.Equal(("1_checked.jpg", 320), (again.Filename, again.Width));
        Assert.Equal(new VocBox(5, 10, 50, 100), Assert.Single(again.Objects).Box);
    }

    [Fact]
    public void Writes_a_document_from_a_model_built_in_code()
    {
        var annotation = new VocAnnotation("f", "a.png", "Unknown", 10, 20, 3, false, [new VocObject("cat", "Unspecified", Box: new VocBox(1, 2, 3, 4))]);

        var bytes = VocAnnotationWriter.Write(annotation);

        Assert.NotEqual(0xEF, bytes[0]);
        var again = Read(bytes);
        Assert.Equal((10, 20, 3), (again.Width, again.Height, again.Depth));
        Assert.Equal(new VocBox(1, 2, 3, 4), Assert.Single(again.Objects).Box);
    }

    [Fact]
    public void Writing_does_not_change_the_model_it_was_given()
    {
        var original = Read(Encoding.UTF8.GetBytes(Document));
        var before = original.Element!.ToString();

        VocAnnotationWriter.Write(original with { Objects = [] });

        Assert.Equal(before, original.Element!.ToString());
    }
}
