using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;
using Refinery.IntegrationTests.Security;
using Refinery.TestSupport;
using static Refinery.IntegrationTests.Infrastructure.VersionOutput;
using static Refinery.TestSupport.PatternImages.Family;

namespace Refinery.IntegrationTests.Engine;

/// <summary>
/// <c>sys_data_cleaning</c> with PCC, end to end over HTTP, on three families of pattern images (stripes,
/// checkerboards, discs) made in the test: the prototypes are stripes, so stripes stay and the others go.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PccRunTests(RefineryInstance server)
{
    // Within a family the embeddings' cosine is above 0.78, across families under 0.57 (PatternFamilyEmbeddingTests):
    // "similar" at 0.7 sits in the gap whichever of the two rules decides.
    private const string Thresholds = "\"simlarity_threshold\": \"0.7\", \"embedding_distance\": \"0.3\", \"do_validation\": \"False\"";

    [Fact]
    public async Task PCC_keeps_the_images_like_the_prototypes_and_removes_the_others_naming_the_nearest_prototype()
    {
        const string Folder = "pcc-keep";
        WritePatterns(Folder, (Stripes, 0), (Stripes, 1), (Stripes, 2), (Checkerboard, 0), (Checkerboard, 1), (Discs, 0), (Discs, 1));
        WritePatterns($"{Folder}-protos", (Stripes, 10), (Stripes, 11));
        server.WriteImage($"{Folder}-protos/notes.txt", "not an image: ignored"u8.ToArray());

        var (taskId, versionId, version) = await RunAsync(TaskBodies.Pcc(Folder, $"obs://imgs/{Folder}", $"obs://imgs/out-{Folder}", $"obs://imgs/{Folder}-protos", Thresholds));
        var results = await ResultsByNameAsync(server.Client, taskId, versionId);

        Assert.Equal(["checkerboard0.jpg", "checkerboard1.jpg", "discs0.jpg", "discs1.jpg"], Removed(results));
        foreach (var name in Removed(results))
        {
            var values = results[name]["values"]!;
            Assert.Equal("PCC", values["removed_by"]!.GetValue<string>());
            Assert.StartsWith($"obs://imgs/{Folder}-protos/stripes1", values["nearest_prototype"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.True(values["prototype_distance"]!.GetValue<double>() > 0.3, name);
            Assert.Contains(Description(results[name]), line => line.StartsWith("removed by PCC: unlike the prototypes: nearest ", StringComparison.Ordinal));
        }

        Assert.Equal(["stripes0.jpg", "stripes1.jpg", "stripes2.jpg"], PublishedFiles(Output(Folder, versionId)));
        Assert.Equal(3, ManifestLines(Output(Folder, versionId)).Length);
        var result = version["result"]!;
        Assert.Equal((2, 3, 4), (result["prototype_count"]!.GetValue<int>(), result["kept_count"]!.GetValue<int>(), result["removed_count"]!.GetValue<int>()));
    }

    [Fact]
    public async Task An_image_like_a_criticism_image_is_removed_even_when_like_a_prototype()
    {
        const string Folder = "pcc-criticism";
        WritePatterns(Folder, (Stripes, 0), (Checkerboard, 0), (Discs, 0));
        WritePatterns($"{Folder}-protos", (Stripes, 10), (Checkerboard, 10));
        WritePatterns($"{Folder}-critics", (Checkerboard, 11));

        var (taskId, versionId, _) = await RunAsync(TaskBodies.Pcc(
            Folder, $"obs://imgs/{Folder}", $"obs://imgs/out-{Folder}", $"obs://imgs/{Folder}-protos",
            $"\"criticism_sample_path\": \"obs://imgs/{Folder}-critics\", {Thresholds}"));
        var results = await ResultsByNameAsync(server.Client, taskId, versionId);

        Assert.Equal(["checkerboard0.jpg", "discs0.jpg"], Removed(results));
        Assert.Equal($"obs://imgs/{Folder}-critics/checkerboard11.jpg", results["checkerboard0.jpg"]["values"]!["criticism"]!.GetValue<string>());
        Assert.Contains(Description(results["checkerboard0.jpg"]), line => line.StartsWith("removed by PCC: like the criticism image ", StringComparison.Ordinal));
        Assert.NotNull(results["discs0.jpg"]["values"]!["nearest_prototype"]);
        Assert.Equal(["stripes0.jpg"], PublishedFiles(Output(Folder, versionId)));
    }

    [Fact]
    public async Task An_image_or_prototype_that_does_not_decode_is_left_out_with_the_reason_and_the_version_completes()
    {
        const string Folder = "pcc-broken";
        WritePatterns(Folder, (Stripes, 0), (Stripes, 1));
        server.WriteImage($"{Folder}/broken.jpg", TestImages.TruncatedJpeg(400, 300));
        WritePatterns($"{Folder}-protos", (Stripes, 10));
        server.WriteImage($"{Folder}-protos/broken-proto.jpg", TestImages.TruncatedJpeg(400, 300));

        var (taskId, versionId, version) = await RunAsync(TaskBodies.Pcc(Folder, $"obs://imgs/{Folder}", $"obs://imgs/out-{Folder}", $"obs://imgs/{Folder}-protos", Thresholds));
        var results = await ResultsByNameAsync(server.Client, taskId, versionId);

        Assert.Equal(["broken.jpg"], Removed(results));
        Assert.Contains(Description(results["broken.jpg"]), line => line.StartsWith("removed: image could not be decoded", StringComparison.Ordinal));
        Assert.Equal(["stripes0.jpg", "stripes1.jpg"], PublishedFiles(Output(Folder, versionId)));
        Assert.Equal(1, version["deleted_sample_count"]!.GetValue<int>());
        var unreadable = Assert.Single(version["result"]!["unreadable_references"]!.AsArray())!;
        Assert.Equal($"obs://imgs/{Folder}-protos/broken-proto.jpg", unreadable["path"]!.GetValue<string>());
        Assert.Equal(1, version["result"]!["prototype_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Validation_then_QualityFilter_then_PCC_publishes_only_what_all_three_kept()
    {
        const string Folder = "pcc-after-qf";
        WritePatterns(Folder, (Stripes, 0), (Stripes, 1), (Stripes, 2), (Checkerboard, 0));
        server.WriteImage($"{Folder}/dark.png", QualityImages.Dark(31));
        server.WriteImage($"{Folder}/truncated.jpg", TestImages.TruncatedJpeg(400, 300));
        WritePatterns($"{Folder}-protos", (Stripes, 10));
        var body = TaskBodies.Processing(
            "sys_data_cleaning", Folder, $"obs://imgs/{Folder}", $"obs://imgs/out-{Folder}",
            ("QualityFilter", "\"issues\": \"dark,light,blurry\""),
            ("PCC", $"\"prototype_sample_path\": \"obs://imgs/{Folder}-protos\", \"simlarity_threshold\": \"0.7\", \"embedding_distance\": \"0.3\""));

        var (taskId, versionId, version) = await RunAsync(body);
        var results = await ResultsByNameAsync(server.Client, taskId, versionId);

        Assert.Equal(["checkerboard0.jpg", "dark.png", "truncated.jpg"], Removed(results));
        Assert.Contains(Description(results["truncated.jpg"]), line => line.StartsWith("dropped the image: ", StringComparison.Ordinal));
        Assert.Equal("QualityFilter", results["dark.png"]["values"]!["removed_by"]!.GetValue<string>());
        Assert.Equal("PCC", results["checkerboard0.jpg"]["values"]!["removed_by"]!.GetValue<string>());
        Assert.Equal(["stripes0.jpg", "stripes1.jpg", "stripes2.jpg"], PublishedFiles(Output(Folder, versionId)));
        Assert.All(ManifestLines(Output(Folder, versionId)), line => Assert.True(line["property"]!["@modelarts:data_checked"]!.GetValue<bool>()));
        Assert.Equal(3, version["result"]!["kept_count"]!.GetValue<int>()); // the last dataset stage's result
    }

    [Theory]
    [InlineData("", "params.prototype_sample_path")]
    [InlineData("\"prototype_sample_path\": \"obs://imgs/pcc-bad-absent\"", "params.prototype_sample_path")]
    [InlineData("\"prototype_sample_path\": \"obs://imgs/pcc-bad-no-images\"", "params.prototype_sample_path")]
    [InlineData("\"prototype_sample_path\": \"obs://no-such-bucket/protos\"", "params.prototype_sample_path")]
    [InlineData($"\"prototype_sample_path\": \"obs://imgs/{OutsideSentinel.LinkName}\"", "params.prototype_sample_path")]
    [InlineData("\"prototype_sample_path\": \"obs://imgs/pcc-bad-protos\", \"criticism_sample_path\": \"obs://imgs/pcc-bad-no-images\"", "params.criticism_sample_path")]
    [InlineData("\"prototype_sample_path\": \"obs://imgs/pcc-bad-protos\", \"simlarity_threshold\": \"1.2\"", "params.simlarity_threshold")]
    [InlineData("\"prototype_sample_path\": \"obs://imgs/pcc-bad-protos\", \"embedding_distance\": \"-0.1\"", "params.embedding_distance")]
    [InlineData("\"prototype_sample_path\": \"obs://imgs/pcc-bad-protos\", \"n_clusters\": \"many\"", "params.n_clusters")]
    [InlineData("\"prototype_sample_path\": \"obs://imgs/pcc-bad-protos\", \"n_clusters\": \"0\"", "params.n_clusters")]
    public async Task Bad_PCC_params_are_400_naming_the_parameter(string extraParams, string parameter)
    {
        _ = new OutsideSentinel(server); // plants the link that leads outside the bucket
        WritePatterns("pcc-bad-protos", (Stripes, 10));
        server.WriteImage("pcc-bad-no-images/readme.txt", "no images here"u8.ToArray());
        server.WriteImage("pcc-bad-in/a.jpg", PatternImages.Jpeg(Stripes, 0));

        var response = await server.Client.PostAsync(
            server.Client.Tasks, TaskBodies.Processing("sys_data_cleaning", "pcc-bad", "obs://imgs/pcc-bad-in", "obs://imgs/out-pcc-bad", ("PCC", extraParams)));

        Assert.Equal(400, (int)response.Status);
        Assert.Equal("ModelArts.0101", response.ErrorCode);
        Assert.Contains(parameter, response.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prototype_path_that_climbs_out_of_its_bucket_is_refused_naming_the_parameter()
    {
        server.WriteImage("pcc-climb-in/a.jpg", PatternImages.Jpeg(Stripes, 0));

        var response = await server.Client.PostAsync(
            server.Client.Tasks, TaskBodies.Pcc("pcc-climb", "obs://imgs/pcc-climb-in", "obs://imgs/out-pcc-climb", $"obs://imgs/../{OutsideSentinel.FolderName}"));

        Assert.Equal(400, (int)response.Status);
        Assert.Contains("params.prototype_sample_path", response.ErrorMessage, StringComparison.Ordinal);
    }

    private async Task<(string TaskId, string VersionId, JsonNode Version)> RunAsync(string body)
    {
        var taskId = await server.Client.CreateTaskAsync(body);
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        return (taskId, versionId, await server.Client.WaitForCompletionAsync(taskId, versionId));
    }

    private void WritePatterns(string folder, params (PatternImages.Family Family, int Variant)[] images)
    {
        foreach (var (family, variant) in images)
        {
            server.WriteImage($"{folder}/{family.ToString().ToLowerInvariant()}{variant}.jpg", PatternImages.Jpeg(family, variant));
        }
    }

    private string Output(string folder, string versionId) => Directory(server.ImagesDirectory, $"out-{folder}", versionId);
}
