using System.Text.Json.Nodes;
using System.Xml.Linq;
using OpenCvSharp;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Engine;

/// <summary>A validation version over a folder of good and bad images, checked sample by sample and file by file.</summary>
[Collection(ServerCollection.Name)]
public sealed class ValidationRunTests(RefineryInstance server) : IAsyncLifetime
{
    private const string Folder = "val-e2e";

    // xunit makes an instance per test; the run is done once and shared by every assertion below.
    private static readonly SharedRun<Run> _run = new();

    private readonly byte[] _good = TestImages.Jpeg(200, 150, 3);
    private readonly byte[] _goodXml = System.Text.Encoding.UTF8.GetBytes(TestImages.Voc("good.jpg", 200, 150, ("cat", 20, 20, 120, 100)));

    private static string VersionId => _run.Value.VersionId;

    private static JsonNode Version => _run.Value.Version;

    private static Dictionary<string, JsonNode> Results => _run.Value.Results;

    private string OutputData => Path.Combine(server.ImagesDirectory, "out-val-e2e", "output", VersionId, "Data");

    public async Task InitializeAsync()
    {
        await _run.EnsureAsync(ValidateAsync);
    }

    private async Task<Run> ValidateAsync()
    {
        server.WriteImage($"{Folder}/good.jpg", _good);
        server.WriteImage($"{Folder}/good.xml", _goodXml);
        server.WriteImage($"{Folder}/truncated.jpg", TestImages.TruncatedJpeg(400, 300));
        server.WriteImage($"{Folder}/gray.png", TestImages.GrayPng(120, 90));
        server.WriteImage($"{Folder}/misnamed.jpg", TestImages.Png(100, 80));
        server.WriteImage($"{Folder}/big.jpg", TestImages.Jpeg(1600, 1200, 5));
        server.WriteImage($"{Folder}/big.xml", System.Text.Encoding.UTF8.GetBytes(TestImages.Voc("big.jpg", 1600, 1200, ("dog", 400, 300, 800, 600))));
        server.WriteImage($"{Folder}/oob.jpg", TestImages.Jpeg(200, 150, 9));
        server.WriteImage($"{Folder}/oob.xml", System.Text.Encoding.UTF8.GetBytes(TestImages.Voc("oob.jpg", null, null,
            ("mostly-out", 150, 100, 300, 200), ("partly-out", -20, 10, 80, 50), ("line", 10, 10, 11, 60), ("inverted", 100, 100, 50, 120), ("fine", 20, 20, 60, 60))));

        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation("val-e2e", $"obs://imgs/{Folder}", "obs://imgs/out-val-e2e", maxWidth: 800, maxHeight: 800));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        var version = await server.Client.WaitForCompletionAsync(taskId, versionId);
        var results = (await server.Client.AllResultsAsync(taskId, versionId))
            .ToDictionary(result => Path.GetFileName(result["origin_source"]!.GetValue<string>()));
        return new Run(versionId, version, results);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_version_counts_every_sample_once()
    {
        Assert.Equal(6, Version["origin_sample_count"]!.GetValue<int>());
        Assert.Equal(1, Version["unmodified_sample_count"]!.GetValue<int>());
        Assert.Equal(4, Version["modified_sample_count"]!.GetValue<int>());
        Assert.Equal(1, Version["deleted_sample_count"]!.GetValue<int>());
        Assert.Equal(0, Version["add_sample_count"]!.GetValue<int>());
        Assert.Equal(6, Results.Count);
    }

    [Fact]
    public void A_good_image_is_kept_unchanged_byte_for_byte()
    {
        Assert.Equal(0, Property("good.jpg"));
        Assert.Equal(_good, File.ReadAllBytes(Path.Combine(OutputData, "good.jpg")));
        Assert.Equal(_goodXml, File.ReadAllBytes(Path.Combine(OutputData, "good.xml")));
        Assert.Equal($"obs://imgs/out-val-e2e/output/{VersionId}/Data/good.jpg", Results["good.jpg"]["new_source"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{32}$", Results["good.jpg"]["sample_id"]!.GetValue<string>());
    }

    [Fact]
    public void A_truncated_image_is_deleted_with_its_reason()
    {
        Assert.Equal(2, Property("truncated.jpg"));
        Assert.Null(Results["truncated.jpg"]["new_source"]);
        Assert.NotEmpty(Description("truncated.jpg"));
        Assert.False(File.Exists(Path.Combine(OutputData, "truncated.jpg")));
        Assert.False(File.Exists(Path.Combine(OutputData, "truncated_checked.jpg")));
    }

    [Fact]
    public void A_grayscale_image_becomes_three_channel_under_a_checked_name()
    {
        Assert.Equal(1, Property("gray.png"));
        using var image = Cv2.ImRead(Path.Combine(OutputData, "gray_checked.png"), ImreadModes.Unchanged);
        Assert.Equal(3, image.Channels());
    }

    [Fact]
    public void A_png_named_jpg_gets_the_png_extension()
    {
        Assert.Equal(1, Property("misnamed.jpg"));
        var output = Path.Combine(OutputData, "misnamed_checked.png");
        Assert.True(File.Exists(output));
        Assert.Equal(0x89, File.ReadAllBytes(output)[0]);
    }

    [Fact]
    public void An_oversize_image_is_shrunk_with_its_boxes()
    {
        Assert.Equal(1, Property("big.jpg"));
        using var image = Cv2.ImRead(Path.Combine(OutputData, "big_checked.jpg"));
        Assert.Equal((800, 600), (image.Width, image.Height));
        var xml = XDocument.Load(Path.Combine(OutputData, "big_checked.xml"));
        Assert.Equal("800", xml.Root!.Element("size")!.Element("width")!.Value);
        var box = xml.Root.Element("object")!.Element("bndbox")!;
        Assert.Equal([200.0, 150.0, 400.0, 300.0], new[] { "xmin", "ymin", "xmax", "ymax" }.Select(n => double.Parse(box.Element(n)!.Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Boxes_outside_degenerate_or_inverted_are_dropped_and_a_partly_outside_box_is_clipped()
    {
        Assert.Equal(1, Property("oob.jpg"));
        var xml = XDocument.Load(Path.Combine(OutputData, "oob_checked.xml"));
        var objects = xml.Root!.Elements("object").ToDictionary(o => o.Element("name")!.Value, o => o.Element("bndbox")!);
        Assert.Equal(["fine", "partly-out"], objects.Keys.Order().ToArray());
        Assert.Equal("0", objects["partly-out"].Element("xmin")!.Value.Split('.')[0]);
        Assert.Equal("200", xml.Root.Element("size")!.Element("width")!.Value);
        Assert.Equal("150", xml.Root.Element("size")!.Element("height")!.Value);
        Assert.True(Description("oob.jpg").Count >= 4, string.Join(" | ", Description("oob.jpg")));
    }

    [Fact]
    public void The_output_manifest_lists_every_kept_sample_as_checked()
    {
        var lines = File.ReadAllLines(Path.Combine(OutputData, "..", "output.manifest")).Select(line => JsonNode.Parse(line)!).ToList();
        Assert.Equal(5, lines.Count);
        Assert.All(lines, line => Assert.True(line["property"]!["@modelarts:data_checked"]!.GetValue<bool>()));
        var big = lines.Single(line => line["source"]!.GetValue<string>().EndsWith("big_checked.jpg", StringComparison.Ordinal));
        Assert.Equal($"obs://imgs/out-val-e2e/output/{VersionId}/Data/big_checked.xml", big["annotation"]![0]!["annotation-loc"]!.GetValue<string>());
        Assert.Equal("modelarts/object_detection", big["annotation"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void The_inputs_are_never_modified()
    {
        Assert.Equal(_good, File.ReadAllBytes(Path.Combine(server.ImagesDirectory, Folder, "good.jpg")));
        Assert.True(File.Exists(Path.Combine(server.ImagesDirectory, Folder, "truncated.jpg")));
        Assert.Equal(9, Directory.GetFiles(Path.Combine(server.ImagesDirectory, Folder)).Length);
    }

    private sealed record Run(string VersionId, JsonNode Version, Dictionary<string, JsonNode> Results);

    private static int Property(string name) => Results[name]["result_property"]!.GetValue<int>();

    private static List<string> Description(string name) =>
        [.. Results[name]["result_description"]!.AsArray().SelectMany(line => line!.AsArray().Select(text => text!.GetValue<string>()))];
}
