using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Engine;

/// <summary><c>sys_data_selection</c> (SimDeduplication, RRD) end to end over HTTP, on images made in the test.</summary>
[Collection(ServerCollection.Name)]
public sealed class SelectionRunTests(RefineryInstance server)
{
    /// <summary>Each removed copy and the sample it must be named a duplicate of: the first of its group in input order.</summary>
    private static readonly Dictionary<string, string> _copies = new()
    {
        ["scene1_cropped.jpg"] = "scene1.jpg",
        ["scene1_q60.jpg"] = "scene1.jpg",
        ["scene1_resized.jpg"] = "scene1.jpg",
        ["scene1_same_bytes.jpg"] = "scene1.jpg",
        // The copy comes first in input order, so the original is the one removed.
        ["scene3.jpg"] = "a_scene3_q60.jpg",
        ["scene4_resized.jpg"] = "scene4.jpg",
        ["scene5_cropped.jpg"] = "scene5.jpg",
    };

    private static readonly string[] _distinct = ["a_scene3_q60.jpg", "scene1.jpg", "scene2.jpg", "scene4.jpg", "scene5.jpg", "scene6.jpg"];

    [Theory]
    [InlineData("embedding")]
    [InlineData("phash")]
    public async Task SimDeduplication_removes_the_near_copies_of_the_first_of_each_group_and_keeps_every_distinct_image(string method)
    {
        var folder = $"dedup-{method}";
        WriteNearDuplicates(folder);
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Selection(
            "SimDeduplication", folder, $"obs://imgs/{folder}", $"obs://imgs/out-{folder}", $"\"method\": \"{method}\""));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);

        var version = await server.Client.WaitForCompletionAsync(taskId, versionId);
        var results = await VersionOutput.ResultsByNameAsync(server.Client, taskId, versionId);

        Assert.Equal(_distinct, VersionOutput.Kept(results));
        Assert.Equal([.. _copies.Keys.Order(StringComparer.Ordinal)], VersionOutput.Removed(results));
        foreach (var (copy, original) in _copies)
        {
            var values = results[copy]["values"]!;
            Assert.Equal("SimDeduplication", values["removed_by"]!.GetValue<string>());
            Assert.Equal($"obs://imgs/{folder}/{original}", values["duplicate_of"]!.GetValue<string>());
            var similarity = values["similarity"]!.GetValue<double>();
            Assert.InRange(similarity, 0.9, 1.0);
            Assert.Contains(VersionOutput.Description(results[copy]), line => line.StartsWith($"removed by SimDeduplication: duplicates obs://imgs/{folder}/{original} (similarity ", StringComparison.Ordinal));
        }

        Assert.Equal(1.0, results["scene1_same_bytes.jpg"]["values"]!["similarity"]!.GetValue<double>());
        var output = VersionOutput.Directory(server.ImagesDirectory, $"out-{folder}", versionId);
        Assert.Equal(_distinct, VersionOutput.PublishedFiles(output));
        Assert.Equal(_distinct.Length, VersionOutput.ManifestLines(output).Length);
        Assert.Equal((13, 7), (version["origin_sample_count"]!.GetValue<int>(), version["deleted_sample_count"]!.GetValue<int>()));
        Assert.Equal(method, version["result"]!["method"]!.GetValue<string>());
        Assert.Equal(4, version["result"]!["duplicate_group_count"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("0.3", "4", 7)] // 0.3 × 24 = 7.2
    [InlineData("0.9", "auto", 22)] // 0.9 × 24 = 21.6
    public async Task RRD_keeps_the_rounded_ratio_and_samples_from_every_family(string sampleRatio, string clusters, int expectedKept)
    {
        const int PerFamily = 6;
        var folder = $"rrd-{sampleRatio.Replace('.', '_')}-{clusters}";
        for (var family = 0; family < SelectionImages.FamilyCount; family++)
        {
            for (var index = 0; index < PerFamily; index++)
            {
                server.WriteImage($"{folder}/family{family}_{index}.jpg", SelectionImages.FamilyMember(family, index));
            }
        }

        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Selection(
            "RRD", folder, $"obs://imgs/{folder}", $"obs://imgs/out-{folder}", $"\"sample_ratio\": \"{sampleRatio}\", \"n_clusters\": \"{clusters}\""));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);

        var version = await server.Client.WaitForCompletionAsync(taskId, versionId);
        var results = await VersionOutput.ResultsByNameAsync(server.Client, taskId, versionId);

        var kept = VersionOutput.Kept(results);
        Assert.Equal(expectedKept, kept.Length);
        Assert.Equal(SelectionImages.FamilyCount, kept.Select(name => name[..name.IndexOf('_', StringComparison.Ordinal)]).Distinct().Count());
        Assert.Equal(kept, VersionOutput.PublishedFiles(VersionOutput.Directory(server.ImagesDirectory, $"out-{folder}", versionId)));
        Assert.Equal(expectedKept, version["result"]!["kept_count"]!.GetValue<int>());
        foreach (var removed in VersionOutput.Removed(results))
        {
            var values = results[removed]["values"]!;
            Assert.Equal("RRD", values["removed_by"]!.GetValue<string>());
            Assert.Contains(Path.GetFileName(values["nearest_kept"]!.GetValue<string>()), kept);
            Assert.InRange(values["distance"]!.GetValue<double>(), 0, 2);
        }
    }

    [Fact]
    public async Task SimDeduplication_then_RRD_selects_the_ratio_of_what_deduplication_kept()
    {
        const string Folder = "dedup-then-rrd";
        WriteNearDuplicates(Folder);
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Processing(
            "sys_data_selection", Folder, $"obs://imgs/{Folder}", $"obs://imgs/out-{Folder}", ("SimDeduplication", ""), ("RRD", "\"sample_ratio\": \"0.5\"")));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);

        var version = await server.Client.WaitForCompletionAsync(taskId, versionId);
        var results = await VersionOutput.ResultsByNameAsync(server.Client, taskId, versionId);

        var removedBy = VersionOutput.Removed(results).ToLookup(name => results[name]["values"]!["removed_by"]!.GetValue<string>());
        Assert.Equal([.. _copies.Keys.Order(StringComparer.Ordinal)], removedBy["SimDeduplication"]);
        Assert.Equal(3, removedBy["RRD"].Count()); // 0.5 × the 6 distinct images
        Assert.Subset(_distinct.ToHashSet(), VersionOutput.Kept(results).ToHashSet());
        Assert.Equal(3, VersionOutput.Kept(results).Length);
        Assert.Equal(3, version["result"]!["kept_count"]!.GetValue<int>());
        Assert.Equal(3, VersionOutput.ManifestLines(VersionOutput.Directory(server.ImagesDirectory, $"out-{Folder}", versionId)).Length);
    }

    [Fact]
    public async Task An_image_that_does_not_decode_is_removed_with_the_reason_and_the_rest_selected()
    {
        const string Folder = "dedup-undecodable";
        server.WriteImage($"{Folder}/scene1.jpg", SelectionImages.Scene(1));
        server.WriteImage($"{Folder}/scene2.jpg", SelectionImages.Scene(2));
        server.WriteImage($"{Folder}/truncated.jpg", TestImages.TruncatedJpeg(400, 300));
        server.WriteImage($"{Folder}/words.jpg", "not an image at all"u8.ToArray());
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Selection(
            "SimDeduplication", Folder, $"obs://imgs/{Folder}", $"obs://imgs/out-{Folder}", "\"method\": \"phash\", \"do_validation\": \"False\""));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);

        await server.Client.WaitForCompletionAsync(taskId, versionId);
        var results = await VersionOutput.ResultsByNameAsync(server.Client, taskId, versionId);

        Assert.Equal(["truncated.jpg", "words.jpg"], VersionOutput.Removed(results));
        Assert.Contains(VersionOutput.Description(results["truncated.jpg"]), line => line.StartsWith("removed: image could not be decoded: ", StringComparison.Ordinal));
        Assert.Contains(VersionOutput.Description(results["words.jpg"]), line => line.StartsWith("removed: not a readable JPEG, PNG or BMP image", StringComparison.Ordinal));
        Assert.Equal(["scene1.jpg", "scene2.jpg"], VersionOutput.PublishedFiles(VersionOutput.Directory(server.ImagesDirectory, $"out-{Folder}", versionId)));
    }

    [Theory]
    [InlineData("SimDeduplication", "\"simlarity_threshold\": \"1.5\"", "params.simlarity_threshold")]
    [InlineData("SimDeduplication", "\"simlarity_threshold\": \"-0.1\"", "params.simlarity_threshold")]
    [InlineData("SimDeduplication", "\"simlarity_threshold\": \"high\"", "params.simlarity_threshold")]
    [InlineData("SimDeduplication", "\"method\": \"sift\"", "params.method")]
    [InlineData("RRD", "\"sample_ratio\": \"0\"", "params.sample_ratio")]
    [InlineData("RRD", "\"sample_ratio\": \"1.01\"", "params.sample_ratio")]
    [InlineData("RRD", "\"n_clusters\": \"0\"", "params.n_clusters")]
    [InlineData("QualityFilter", "", "template.operator_params[0].name")]
    [InlineData("MetaValidation", "", "template.operator_params[0].name")]
    public async Task Bad_selection_params_are_400_naming_the_parameter(string operatorName, string extraParams, string parameter)
    {
        var response = await server.Client.PostAsync(server.Client.Tasks, TaskBodies.Selection(operatorName, "sel-bad", "obs://imgs/sel-bad", "obs://imgs/out-sel-bad", extraParams));

        Assert.Equal(400, (int)response.Status);
        Assert.Equal("ModelArts.0101", response.ErrorCode);
        Assert.Contains(parameter, response.ErrorMessage, StringComparison.Ordinal);
    }

    private void WriteNearDuplicates(string folder)
    {
        foreach (var (name, image) in new (string, byte[])[]
        {
            ("scene1.jpg", SelectionImages.Scene(1)),
            ("scene1_cropped.jpg", SelectionImages.Cropped(1)),
            ("scene1_q60.jpg", SelectionImages.AtQuality60(1)),
            ("scene1_resized.jpg", SelectionImages.Resized(1)),
            ("scene1_same_bytes.jpg", SelectionImages.Scene(1)),
            ("scene2.jpg", SelectionImages.Scene(2)),
            ("a_scene3_q60.jpg", SelectionImages.AtQuality60(3)),
            ("scene3.jpg", SelectionImages.Scene(3)),
            ("scene4.jpg", SelectionImages.Scene(4)),
            ("scene4_resized.jpg", SelectionImages.Resized(4)),
            ("scene5.jpg", SelectionImages.Scene(5)),
            ("scene5_cropped.jpg", SelectionImages.Cropped(5)),
            ("scene6.jpg", SelectionImages.Scene(6)),
        })
        {
            server.WriteImage($"{folder}/{name}", image);
        }
    }
}
