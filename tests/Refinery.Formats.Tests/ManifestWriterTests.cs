using System.Text;
using Refinery.Domain;
using Refinery.Formats.Manifests;

namespace Refinery.Formats.Tests;

public sealed class ManifestWriterTests
{
    [Fact]
    public async Task Writes_a_classification_sample_with_one_annotation_per_label()
    {
        var sample = new Sample("obs://b/cat/1.jpg", Usage: "TRAIN", Labels: ["cat", "猫"], Id: "abc");

        var text = await WriteAsync(sample, TaskTypes.ImageClassification);

        Assert.Equal(
            """{"source":"obs://b/cat/1.jpg","usage":"TRAIN","id":"abc","annotation":[{"type":"modelarts/image_classification","name":"cat"},{"type":"modelarts/image_classification","name":"猫"}]}""" + "\n",
            text);
    }

    [Fact]
    public async Task Writes_a_detection_sample_with_its_voc_file()
    {
        var sample = new Sample("obs://b/1.jpg", AnnotationLocation: "obs://b/1.xml", Labels: ["ignored"]);

        var text = await WriteAsync(sample, TaskTypes.ObjectDetection);

        Assert.Equal(
            """{"source":"obs://b/1.jpg","annotation":[{"type":"modelarts/object_detection","annotation-loc":"obs://b/1.xml","annotation-format":"PASCAL VOC"}]}""" + "\n",
            text);
    }

    [Fact]
    public async Task Omits_every_key_that_has_no_value()
    {
        var text = await WriteAsync(new Sample("obs://b/1.jpg"), TaskTypes.ObjectDetection);

        Assert.Equal("""{"source":"obs://b/1.jpg"}""" + "\n", text);
    }

    [Fact]
    public async Task Writes_properties_in_ordinal_order()
    {
        var properties = new Dictionary<string, bool> { ["@modelarts:z"] = false, ["@modelarts:data_checked"] = true };

        var text = await WriteAsync(new Sample("obs://b/1.jpg"), TaskTypes.ImageClassification, properties);

        Assert.Equal(
            """{"source":"obs://b/1.jpg","property":{"@modelarts:data_checked":true,"@modelarts:z":false}}""" + "\n",
            text);
    }

    [Fact]
    public async Task Writes_one_line_per_sample_with_newline_line_ends()
    {
        using var stream = new MemoryStream();
        using (var writer = new ManifestWriter(stream))
        {
            await writer.WriteAsync(new Sample("obs://b/1.jpg"), TaskTypes.ImageClassification, null, CancellationToken.None);
            await writer.WriteAsync(new Sample("obs://b/2\n.jpg"), TaskTypes.ImageClassification, null, CancellationToken.None);
        }

        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Equal(["""{"source":"obs://b/1.jpg"}""", """{"source":"obs://b/2\n.jpg"}""", ""], text.Split('\n'));
        Assert.DoesNotContain('\r', text);
        Assert.True(stream.CanWrite, "disposing the writer leaves the stream open");
    }

    [Fact]
    public async Task An_unknown_task_type_is_refused()
    {
        using var writer = new ManifestWriter(new MemoryStream());

        await Assert.ThrowsAsync<ArgumentException>(
            () => writer.WriteAsync(new Sample("obs://b/1.jpg"), "image_segmentation", null, CancellationToken.None).AsTask());
    }

    private static async Task<string> WriteAsync(
        Sample sample,
        string taskType,
        IReadOnlyDictionary<string, bool>? properties = null)
    {
        using var stream = new MemoryStream();
        using var writer = new ManifestWriter(stream);
        await writer.WriteAsync(sample, taskType, properties, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
