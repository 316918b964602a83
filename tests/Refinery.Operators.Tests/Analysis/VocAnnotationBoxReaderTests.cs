using Refinery.Domain;
using Refinery.Imaging.Analysis;
using Refinery.Operators.Analysis;
using Refinery.Storage;

namespace Refinery.Operators.Tests.Analysis;

public sealed class VocAnnotationBoxReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("refinery-boxes-").FullName;
    private readonly LocalDirectoryStore _store;
    private readonly VocAnnotationBoxReader _reader = new();

    public VocAnnotationBoxReaderTests()
    {
        _store = new LocalDirectoryStore("in", _root);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Task<IReadOnlyList<BoxRect>?> ReadAsync(string? annotationLocation) =>
        _reader.ReadBoxesAsync(new Sample("obs://in/1.jpg", AnnotationLocation: annotationLocation), _store, CancellationToken.None).AsTask();

    /// <summary>Stores <paramref name="xml"/> at in/1.xml and returns its URI.</summary>
    private string PutAnnotation(string xml)
    {
        File.WriteAllText(Path.Combine(_root, "1.xml"), xml);
        return "obs://in/1.xml";
    }

    [Fact]
    public async Task Reads_every_rectangle_box_in_document_order_in_original_pixels()
    {
        var location = PutAnnotation("""
            <annotation>
                <size><width>640</width><height>480</height><depth>3</depth></size>
                <object><name>cat</name><bndbox><xmin>10</xmin><ymin>20.5</ymin><xmax>100</xmax><ymax>200</ymax></bndbox></object>
                <object><name>dog</name><bndbox><xmin>300</xmin><ymin>40</ymin><xmax>620</xmax><ymax>470</ymax></bndbox></object>
            </annotation>
            """);

        var boxes = await ReadAsync(location);

        Assert.Equal([new BoxRect(10, 20.5, 100, 200), new BoxRect(300, 40, 620, 470)], boxes);
    }

    [Fact]
    public async Task Objects_without_a_rectangle_box_are_skipped()
    {
        var location = PutAnnotation("""
            <annotation>
                <object><name>dog</name><polygon><x1>1</x1><y1>1</y1><x2>5</x2><y2>1</y2><x3>5</x3><y3>5</y3></polygon></object>
                <object><name>cat</name><bndbox><xmin>1</xmin><ymin>2</ymin><xmax>3</xmax><ymax>4</ymax></bndbox></object>
            </annotation>
            """);

        var boxes = await ReadAsync(location);

        Assert.Equal([new BoxRect(1, 2, 3, 4)], boxes);
    }

    [Fact]
    public async Task An_annotation_without_objects_has_no_boxes()
    {
        var boxes = await ReadAsync(PutAnnotation("<annotation><filename>1.jpg</filename></annotation>"));

        Assert.NotNull(boxes);
        Assert.Empty(boxes);
    }

    [Fact]
    public async Task A_sample_without_an_annotation_is_unlabelled()
    {
        Assert.Null(await ReadAsync(annotationLocation: null));
    }

    [Fact]
    public async Task A_missing_annotation_file_is_unlabelled_not_an_error()
    {
        Assert.Null(await ReadAsync("obs://in/missing.xml"));
    }

    [Theory]
    [InlineData("<annotation><object><name>cat</name>")]
    [InlineData("not xml at all")]
    [InlineData("<labels><object><name>cat</name></object></labels>")]
    public async Task Unparsable_xml_is_unlabelled_not_an_error(string xml)
    {
        Assert.Null(await ReadAsync(PutAnnotation(xml)));
    }

    [Theory]
    [InlineData("1.xml")]
    [InlineData("http://in/1.xml")]
    [InlineData("obs://in")]
    [InlineData("obs://in//1.xml")]
    public async Task An_annotation_location_that_names_no_object_is_unlabelled_not_an_error(string location)
    {
        PutAnnotation("<annotation><object><name>cat</name><bndbox><xmin>1</xmin><ymin>2</ymin><xmax>3</xmax><ymax>4</ymax></bndbox></object></annotation>");

        Assert.Null(await ReadAsync(location));
    }
}
