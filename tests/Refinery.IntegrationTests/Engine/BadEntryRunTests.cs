using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Engine;

/// <summary>One bad entry in the inputs is that sample's outcome: the version completes with every other sample.</summary>
[Collection(ServerCollection.Name)]
public sealed class BadEntryRunTests(RefineryInstance server)
{
    [Fact]
    public async Task A_manifest_listing_a_source_twice_completes_with_the_sample_processed_once_and_reported_as_a_duplicate()
    {
        Datasets.SmallFolder(server, "dup-manifest", 2);
        WriteManifest("dup-manifest/in.manifest", Line("dup-manifest/img0.jpg", "cat"), Line("dup-manifest/img1.jpg", "cat"), Line("dup-manifest/img0.jpg", "dog"));

        var (version, results) = await ValidateAsync("dup-manifest", """[ { "type": "OBS", "source": "obs://imgs/dup-manifest/in.manifest" } ]""");

        Assert.Equal(2, version["origin_sample_count"]!.GetValue<int>());
        Assert.Equal(["img0.jpg", "img1.jpg"], results.Keys.Order());
        Assert.Contains(Description(results["img0.jpg"]), line => line.Contains("listed 2 times in the inputs; processed once", StringComparison.Ordinal));
        Assert.DoesNotContain(Description(results["img1.jpg"]), line => line.Contains("listed", StringComparison.Ordinal));
        Assert.Equal(2, OutputManifest("dup-manifest", version).Count);
    }

    [Fact]
    public async Task Inputs_naming_one_folder_twice_complete_with_each_image_processed_once()
    {
        var folder = Datasets.SmallFolder(server, "dup-inputs", 3);

        var (version, results) = await ValidateAsync("dup-inputs", $$"""[ { "type": "OBS", "source": "{{folder}}" }, { "type": "OBS", "source": "{{folder}}/" } ]""");

        Assert.Equal(3, version["origin_sample_count"]!.GetValue<int>());
        Assert.Equal(3, results.Count);
        Assert.All(results.Values, result => Assert.Contains(Description(result), line => line.Contains("listed 2 times", StringComparison.Ordinal)));
        Assert.Equal(3, Directory.GetFiles(DataFolder("dup-inputs", version), "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task A_label_climbing_out_with_dot_dots_completes_and_its_image_stays_inside_the_output()
    {
        Datasets.SmallFolder(server, "dotdot", 2);
        WriteManifest("dotdot/in.manifest", Line("dotdot/img0.jpg", "../../outside"), Line("dotdot/img1.jpg", "cat"));

        var (version, results) = await ValidateAsync("dotdot", """[ { "type": "OBS", "source": "obs://imgs/dotdot/in.manifest" } ]""");

        Assert.Equal(0, results["img0.jpg"]["result_property"]!.GetValue<int>());
        Assert.True(File.Exists(Path.Combine(DataFolder("dotdot", version), ".._.._outside", "img0.jpg")));
        Assert.False(Directory.Exists(Path.Combine(server.ImagesDirectory, "out-dotdot", "outside")));
        Assert.False(Directory.Exists(Path.Combine(server.ImagesDirectory, "outside")));
        var line = OutputManifest("dotdot", version).Single(entry => entry["source"]!.GetValue<string>().EndsWith("img0.jpg", StringComparison.Ordinal));
        Assert.Equal("../../outside", line["annotation"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_newline_in_a_name_is_a_per_sample_outcome_and_voc_files_linking_outside_or_in_a_loop_are_never_read()
    {
        var folder = Datasets.SmallFolder(server, "odd-files", 1);
        server.WriteImage("odd-files/line\nbreak.jpg", TestImages.Jpeg(64, 48, 5));
        server.WriteImage("odd-files/escape.jpg", TestImages.Jpeg(64, 48, 6));
        server.WriteImage("odd-files/loop.jpg", TestImages.Jpeg(64, 48, 7));
        var outside = Path.Combine(Path.GetTempPath(), $"refinery-outside-{Guid.NewGuid():N}.xml");
        File.WriteAllText(outside, TestImages.Voc("escape.jpg", 64, 48, ("secret", 1, 1, 20, 20)));
        File.CreateSymbolicLink(Path.Combine(server.ImagesDirectory, "odd-files", "escape.xml"), outside);
        File.CreateSymbolicLink(Path.Combine(server.ImagesDirectory, "odd-files", "loop.xml"), "loop.xml");
        try
        {
            var (version, results) = await ValidateAsync("odd-files", $$"""[ { "type": "OBS", "source": "{{folder}}" } ]""", "object_detection");

            Assert.Equal(4, version["origin_sample_count"]!.GetValue<int>());
            Assert.Equal(2, results["line\nbreak.jpg"]["result_property"]!.GetValue<int>());
            Assert.Contains(Description(results["line\nbreak.jpg"]), line => line.Contains("control character", StringComparison.Ordinal));
            // The listing leaves out what it cannot follow, so these images have no annotation and pass like img0.jpg.
            Assert.Equal(0, results["escape.jpg"]["result_property"]!.GetValue<int>());
            Assert.Equal(0, results["loop.jpg"]["result_property"]!.GetValue<int>());
            Assert.Equal(0, results["img0.jpg"]["result_property"]!.GetValue<int>());
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task An_input_folder_that_is_a_symbolic_link_loop_is_a_400_at_creation()
    {
        Directory.CreateSymbolicLink(Path.Combine(server.ImagesDirectory, "loop-input"), "loop-input");

        var response = await server.Client.PostAsync(server.Client.Tasks, TaskBodies.Validation("loop-input", "obs://imgs/loop-input", "obs://imgs/out-loop-input"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.4313", response.ErrorCode);
        Assert.Contains("loop", response.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(server.ImagesDirectory, response.ErrorMessage, StringComparison.Ordinal);
    }

    private async Task<(JsonNode Version, Dictionary<string, JsonNode> Results)> ValidateAsync(string name, string inputs, string taskType = "image_classification")
    {
        var taskId = await server.Client.CreateTaskAsync($$"""
            { "name": "{{name}}", "create_version": true,
              "inputs": {{inputs}},
              "work_path": { "type": "OBS", "path": "obs://imgs/out-{{name}}" },
              "template": { "id": "sys_data_validation", "operator_params": [ { "name": "MetaValidation", "params": { "task_type": "{{taskType}}" } } ] } }
            """);
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        var version = await server.Client.WaitForCompletionAsync(taskId, versionId);
        var results = (await server.Client.AllResultsAsync(taskId, versionId))
            .ToDictionary(result => Path.GetFileName(result["origin_source"]!.GetValue<string>()));
        return (version, results);
    }

    private static string Line(string key, string label) =>
        new JsonObject
        {
            ["source"] = $"obs://imgs/{key}",
            ["annotation"] = new JsonArray(new JsonObject { ["type"] = "modelarts/image_classification", ["name"] = label }),
        }.ToJsonString();

    private void WriteManifest(string key, params string[] lines) => server.WriteImage(key, Encoding.UTF8.GetBytes(string.Join('\n', lines)));

    private string DataFolder(string name, JsonNode version) =>
        Path.Combine(server.ImagesDirectory, $"out-{name}", "output", version["task_version_id"]!.GetValue<string>(), "Data");

    private List<JsonNode> OutputManifest(string name, JsonNode version) =>
        [.. File.ReadAllLines(Path.Combine(DataFolder(name, version), "..", "output.manifest")).Select(line => JsonNode.Parse(line)!)];

    private static List<string> Description(JsonNode result) =>
        [.. result["result_description"]!.AsArray().SelectMany(line => line!.AsArray()).Select(line => line!.GetValue<string>())];
}
