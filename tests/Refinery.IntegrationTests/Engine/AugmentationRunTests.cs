using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using OpenCvSharp;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Engine;

/// <summary>
/// <c>sys_data_augmentation</c> end to end over HTTP: a detection folder (images and VOC files made here) augmented by
/// four operators, its output images, VOC files, manifest and results checked against each other; classification
/// labels carried to the new samples; a second run with the same seed byte-identical, one with another seed not.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class AugmentationRunTests(RefineryInstance server) : IAsyncLifetime
{
    private const string Folder = "aug-det";

    // Flip, a fixed resize, a fixed 30° rotation (which pushes a.jpg's corner box off the canvas) and noise.
    private static readonly (string Name, string Params)[] _detectionOperators =
    [
        ("Flip", "\"lr_ud\": \"lr\", \"flip_p\": \"1\""),
        ("Resize", "\"width\": \"100\", \"height\": \"80\""),
        ("Rotate", "\"angle_min\": \"30\", \"angle_max\": \"30\""),
        ("AddNoise", "\"noise_type\": \"Gauss\", \"scale\": \"20\""),
    ];

    // xunit makes an instance per test; the runs are made once and shared by every assertion below.
    private static readonly SharedRun<Runs> _runs = new();

    private static Run Detection => _runs.Value.First;

    public async Task InitializeAsync() => await _runs.EnsureAsync(RunAllAsync);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_originals_are_kept_and_each_operator_adds_one_sample_per_image_except_the_rotation_that_would_lose_a_box()
    {
        Assert.Equal(
            (2, 7, 2, 0, 0),
            (Count("origin_sample_count"), Count("add_sample_count"), Count("unmodified_sample_count"), Count("modified_sample_count"), Count("deleted_sample_count")));
        Assert.Equal(9, Detection.Results.Count);
        Assert.Equal(7, Detection.Results.Count(result => result["result_property"]!.GetValue<int>() == 3));
        var rotationOfA = Description(Detection.Results.Single(result => Name(result) == "a.jpg" && result["result_property"]!.GetValue<int>() == 0));
        Assert.Contains(rotationOfA, line => line.StartsWith("use Rotate augmentation {", StringComparison.Ordinal) && line.EndsWith(": dropped, a box would leave the canvas", StringComparison.Ordinal));

        static int Count(string field) => Detection.Version[field]!.GetValue<int>();
    }

    [Fact]
    public void Every_added_result_names_its_operator_its_parent_and_where_it_was_published()
    {
        var added = Detection.Results.Where(result => result["result_property"]!.GetValue<int>() == 3).ToList();
        var expected = new[] { "a_aug1_Flip.jpg", "a_aug2_Resize.jpg", "a_aug4_AddNoise.jpg", "b_aug1_Flip.png", "b_aug2_Resize.png", "b_aug3_Rotate.png", "b_aug4_AddNoise.png" };
        Assert.Equal(expected, added.Select(Name).Order(StringComparer.Ordinal));
        foreach (var result in added)
        {
            var name = Name(result);
            var op = name.Split('_')[2].Split('.')[0];
            Assert.StartsWith($"use {op} augmentation {{", Description(result).First(), StringComparison.Ordinal);
            Assert.Equal($"obs://imgs/{Folder}/{name[0]}.{(name[0] == 'a' ? "jpg" : "png")}", result["origin_source"]!.GetValue<string>());
            Assert.Equal($"obs://imgs/out-{Folder}/output/{Detection.VersionId}/Data/{name}", result["new_source"]!.GetValue<string>());
        }

        Assert.Equal(9, Detection.Results.Select(result => result["sample_id"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public void The_manifest_images_and_VOC_files_agree_on_names_sizes_and_boxes()
    {
        var manifest = ManifestLines(Detection);
        Assert.Equal(9, manifest.Length);
        var published = new List<string>();
        foreach (var line in manifest)
        {
            var image = DataFile(Detection, line["source"]!.GetValue<string>());
            var annotation = DataFile(Detection, line["annotation"]![0]!["annotation-loc"]!.GetValue<string>());
            published.AddRange([Path.GetFileName(image), Path.GetFileName(annotation)]);
            using var pixels = Cv2.ImRead(image, ImreadModes.Unchanged);
            var voc = XDocument.Load(annotation).Root!;
            Assert.Equal(Path.GetFileName(image), voc.Element("filename")!.Value);
            Assert.Equal((pixels.Width, pixels.Height), (Int(voc.Element("size")!, "width"), Int(voc.Element("size")!, "height")));
            Assert.NotEmpty(voc.Elements("object"));
            foreach (var box in voc.Elements("object").Select(item => item.Element("bndbox")!))
            {
                var (xMin, yMin, xMax, yMax) = (Int(box, "xmin"), Int(box, "ymin"), Int(box, "xmax"), Int(box, "ymax"));
                Assert.True(xMin >= 0 && yMin >= 0 && xMax <= pixels.Width && yMax <= pixels.Height, $"{image}: box {xMin},{yMin},{xMax},{yMax} leaves {pixels.Width}x{pixels.Height}");
                Assert.True(xMax - xMin >= 2 && yMax - yMin >= 2, $"{image}: box {xMin},{yMin},{xMax},{yMax} is degenerate");
            }
        }

        var files = Directory.GetFiles(DataRoot(Detection)).Select(Path.GetFileName).OfType<string>();
        Assert.Equal(published.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
        Assert.Equal(
            manifest.Select(line => line["source"]!.GetValue<string>()).Order(StringComparer.Ordinal),
            Detection.Results.Select(result => result["new_source"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Boxes_move_with_the_pixels()
    {
        Assert.Equal([("cat", 140, 80, 220, 160), ("dog", 260, 10, 310, 50)], Boxes("a_aug1_Flip.xml"));
        Assert.Equal([("bird", 40, 30, 60, 50)], Boxes("b_aug2_Resize.xml"));
        Assert.Equal(("100", "80"), Size("b_aug2_Resize.xml"));
        Assert.Equal([("bird", 80, 60, 120, 100)], Boxes("b_aug4_AddNoise.xml"));
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_outputs_and_another_seed_different_ones()
    {
        var first = DataFiles(_runs.Value.First);
        var again = DataFiles(_runs.Value.SameSeed);
        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), again.Keys.Order(StringComparer.Ordinal));
        Assert.All(first, pair => Assert.Equal(pair.Value, again[pair.Key]));

        var other = DataFiles(_runs.Value.OtherSeed);
        Assert.NotEqual(first["b_aug4_AddNoise.png"], other["b_aug4_AddNoise.png"]);
    }

    [Fact]
    public void An_input_named_like_an_augmented_copy_is_published_under_another_name_and_nothing_is_overwritten()
    {
        var results = _runs.Value.Classification.Results;
        var input = results.Single(result => result["origin_source"]!.GetValue<string>().EndsWith("/cat/1_aug1_Grayscale.jpg", StringComparison.Ordinal)
            && result["result_property"]!.GetValue<int>() == 0);

        Assert.EndsWith("/Data/cat/1_aug1_Grayscale_2.jpg", input["new_source"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(9, results.Select(result => result["new_source"]!.GetValue<string>()).Distinct().Count());
        using var copy = Cv2.ImRead(Path.Combine(DataRoot(_runs.Value.Classification), "cat", "1_aug1_Grayscale.jpg"));
        Assert.Equal((120, 90), (copy.Width, copy.Height)); // 1.jpg's copy, not the 110-wide input
    }

    [Fact]
    public void Classification_labels_are_carried_to_the_new_samples_in_their_class_folders()
    {
        var labels = ManifestLines(_runs.Value.Classification).ToDictionary(
            line => line["source"]!.GetValue<string>().Split("/Data/")[1],
            line => line["annotation"]![0]!["name"]!.GetValue<string>());

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["cat/1.jpg"] = "cat",
                ["cat/1_aug1_Grayscale.jpg"] = "cat",
                ["cat/1_aug2_Blur.jpg"] = "cat",
                ["cat/1_aug1_Grayscale_2.jpg"] = "cat",
                ["cat/1_aug1_Grayscale_2_aug1_Grayscale.jpg"] = "cat",
                ["cat/1_aug1_Grayscale_2_aug2_Blur.jpg"] = "cat",
                ["dog/2.png"] = "dog",
                ["dog/2_aug1_Grayscale.png"] = "dog",
                ["dog/2_aug2_Blur.png"] = "dog",
            },
            labels);
        Assert.All(labels.Keys, name => Assert.True(File.Exists(Path.Combine(DataRoot(_runs.Value.Classification), name)), name));
    }

    [Theory]
    [InlineData("StyleGAN", "", "training job")]
    [InlineData("CycleGAN", "", "training job")]
    [InlineData("Rotate", "\"angle_min\": \"50\", \"angle_max\": \"10\"", "params.angle_min")]
    [InlineData("Flip", "\"flip_p\": \"1.5\"", "params.flip_p")]
    [InlineData("Blur", "\"sigma\": \"2\"", "params.sigma")]
    [InlineData("Twirl", "", "template.operator_params[1].name")]
    public async Task Refused_operators_and_bad_params_are_400_saying_why(string name, string parameters, string expected)
    {
        var body = TaskBodies.Augmentation("aug-bad", $"obs://imgs/{Folder}", "obs://imgs/out-aug-bad", "object_detection", ("Flip", ""), (name, parameters));

        var response = await server.Client.PostAsync(server.Client.Tasks, body);

        Assert.Equal(400, (int)response.Status);
        Assert.Equal("ModelArts.0101", response.Json["error_code"]!.GetValue<string>());
        Assert.Contains(expected, response.Json["error_msg"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<Runs> RunAllAsync()
    {
        server.WriteImage($"{Folder}/a.jpg", TestImages.Jpeg(320, 240, 4));
        server.WriteImage($"{Folder}/a.xml", Encoding.UTF8.GetBytes(TestImages.Voc("a.jpg", 320, 240, ("cat", 100, 80, 180, 160), ("dog", 10, 10, 60, 50))));
        server.WriteImage($"{Folder}/b.png", TestImages.Png(200, 160, 6));
        server.WriteImage($"{Folder}/b.xml", Encoding.UTF8.GetBytes(TestImages.Voc("b.png", 200, 160, ("bird", 80, 60, 120, 100))));
        server.WriteImage("aug-cls/cat/1.jpg", TestImages.Jpeg(120, 90, 7));
        server.WriteImage("aug-cls/dog/2.png", TestImages.Png(100, 80, 8));
        server.WriteImage("aug-cls/cat/1_aug1_Grayscale.jpg", TestImages.Jpeg(110, 90, 9)); // named like 1.jpg's first copy

        var first = await AugmentAsync($"out-{Folder}", "fixed");
        var sameSeed = await AugmentAsync($"out-{Folder}-again", "fixed");
        var otherSeed = await AugmentAsync($"out-{Folder}-other", "other");
        var classification = await RunAsync(
            "out-aug-cls",
            TaskBodies.Augmentation("aug-cls", "obs://imgs/aug-cls", "obs://imgs/out-aug-cls", "image_classification", ("Grayscale", ""), ("Blur", "")));
        return new Runs(first, sameSeed, otherSeed, classification);
    }

    private Task<Run> AugmentAsync(string workFolder, string seed) => RunAsync(
        workFolder,
        TaskBodies.Augmentation(
            workFolder, $"obs://imgs/{Folder}", $"obs://imgs/{workFolder}", "object_detection",
            [.. _detectionOperators.Select(op => (op.Name, $"{op.Params}, \"seed\": \"{seed}\""))]));

    private async Task<Run> RunAsync(string workFolder, string body)
    {
        var taskId = await server.Client.CreateTaskAsync(body);
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        var version = await server.Client.WaitForCompletionAsync(taskId, versionId);
        Assert.Equal(2, version["status"]!.GetValue<int>());
        var results = await server.Client.AllResultsAsync(taskId, versionId);
        return new Run(Path.Combine(server.ImagesDirectory, workFolder, "output", versionId), versionId, version, results);
    }

    private static string Name(JsonNode result) =>
        Path.GetFileName((result["new_source"] ?? result["origin_source"])!.GetValue<string>());

    private static IEnumerable<string> Description(JsonNode result) =>
        result["result_description"]!.AsArray().SelectMany(line => line!.AsArray().Select(text => text!.GetValue<string>()));

    private static string DataRoot(Run run) => Path.Combine(run.OutputRoot, "Data");

    private static string DataFile(Run run, string uri) => Path.Combine(DataRoot(run), uri.Split("/Data/")[1]);

    private static JsonNode[] ManifestLines(Run run) =>
        [.. File.ReadAllLines(Path.Combine(run.OutputRoot, "output.manifest")).Select(line => JsonNode.Parse(line)!)];

    private static Dictionary<string, byte[]> DataFiles(Run run) =>
        Directory.GetFiles(DataRoot(run), "*", SearchOption.AllDirectories).ToDictionary(file => Path.GetFileName(file), File.ReadAllBytes);

    private static int Int(XElement parent, string name) => int.Parse(parent.Element(name)!.Value, System.Globalization.CultureInfo.InvariantCulture);

    private static (string, int, int, int, int)[] Boxes(string vocName) =>
        [.. XDocument.Load(Path.Combine(DataRoot(Detection), vocName)).Root!.Elements("object").Select(item =>
        {
            var box = item.Element("bndbox")!;
            return (item.Element("name")!.Value, Int(box, "xmin"), Int(box, "ymin"), Int(box, "xmax"), Int(box, "ymax"));
        })];

    private static (string, string) Size(string vocName)
    {
        var size = XDocument.Load(Path.Combine(DataRoot(Detection), vocName)).Root!.Element("size")!;
        return (size.Element("width")!.Value, size.Element("height")!.Value);
    }

    private sealed record Run(string OutputRoot, string VersionId, JsonNode Version, List<JsonNode> Results);

    private sealed record Runs(Run First, Run SameSeed, Run OtherSeed, Run Classification);
}
