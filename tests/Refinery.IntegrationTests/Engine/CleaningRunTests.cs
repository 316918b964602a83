using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Engine;

/// <summary><c>sys_data_cleaning</c> with QualityFilter, end to end over HTTP, on images made to trip one issue each.</summary>
[Collection(ServerCollection.Name)]
public sealed class CleaningRunTests(RefineryInstance server)
{
    [Fact]
    public async Task QualityFilter_removes_exactly_the_dark_light_and_blurry_images_and_publishes_the_rest()
    {
        const string Folder = "qf-only";
        WriteQualitySet(Folder);
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.QualityFilter(Folder, $"obs://imgs/{Folder}", $"obs://imgs/out-{Folder}", "\"do_validation\": \"False\""));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);

        var version = await server.Client.WaitForCompletionAsync(taskId, versionId);
        var results = await VersionOutput.ResultsByNameAsync(server.Client, taskId, versionId);

        Assert.Equal((6, 3), (version["origin_sample_count"]!.GetValue<int>(), version["deleted_sample_count"]!.GetValue<int>()));
        Assert.Equal(["blurry.png", "dark.png", "light.png"], VersionOutput.Removed(results));
        foreach (var (name, issue) in new[] { ("dark.png", "dark"), ("light.png", "light"), ("blurry.png", "blurry") })
        {
            Assert.Contains(VersionOutput.Description(results[name]), line => line.StartsWith($"removed by QualityFilter: {issue} (score ", StringComparison.Ordinal));
            Assert.Equal("QualityFilter", results[name]["values"]!["removed_by"]!.GetValue<string>());
            Assert.Equal(issue, results[name]["values"]!["issues"]![0]!["issue"]!.GetValue<string>());
        }

        Assert.Equal(["normal1.jpg", "normal2.jpg", "normal3.jpg"], VersionOutput.PublishedFiles(Output(Folder, versionId)));
        Assert.Equal(3, VersionOutput.ManifestLines(Output(Folder, versionId)).Length);
        Assert.Equal(3, version["result"]!["removed_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Validation_then_QualityFilter_publishes_only_what_both_kept()
    {
        const string Folder = "qf-validated";
        WriteQualitySet(Folder);
        server.WriteImage($"{Folder}/truncated.jpg", TestImages.TruncatedJpeg(400, 300));
        server.WriteImage($"{Folder}/big.jpg", TestImages.Jpeg(QualityImages.Width * 2, QualityImages.Height * 2, 9));
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.QualityFilter(
            Folder, $"obs://imgs/{Folder}", $"obs://imgs/out-{Folder}", $"\"image_max_width\": \"{QualityImages.Width}\""));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);

        await server.Client.WaitForCompletionAsync(taskId, versionId);
        var results = await VersionOutput.ResultsByNameAsync(server.Client, taskId, versionId);

        Assert.Equal(["blurry.png", "dark.png", "light.png", "truncated.jpg"], VersionOutput.Removed(results));
        Assert.Contains(VersionOutput.Description(results["truncated.jpg"]), line => line.StartsWith("dropped the image: ", StringComparison.Ordinal));
        Assert.Equal(1, results["big.jpg"]["result_property"]!.GetValue<int>()); // shrunk by validation, then kept by the filter
        Assert.Equal(["big_checked.jpg", "normal1.jpg", "normal2.jpg", "normal3.jpg"], VersionOutput.PublishedFiles(Output(Folder, versionId)));
        var manifest = VersionOutput.ManifestLines(Output(Folder, versionId));
        Assert.Equal(4, manifest.Length);
        Assert.All(manifest, line => Assert.True(line["property"]!["@modelarts:data_checked"]!.GetValue<bool>()));
    }

    [Theory]
    [InlineData("\"issues\": \"dark,shiny\"", "params.issues")]
    [InlineData("\"dark_threshold\": \"1.5\"", "params.dark_threshold")]
    [InlineData("\"blurry_threshold\": \"-0.1\"", "params.blurry_threshold")]
    public async Task Bad_QualityFilter_params_are_400_naming_the_parameter(string extraParams, string parameter)
    {
        var response = await server.Client.PostAsync(server.Client.Tasks, TaskBodies.QualityFilter("qf-bad", "obs://imgs/qf-bad", "obs://imgs/out-qf-bad", extraParams));

        Assert.Equal(400, (int)response.Status);
        Assert.Equal("ModelArts.0101", response.Json["error_code"]!.GetValue<string>());
        Assert.Contains(parameter, response.Json["error_msg"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_of_another_template_is_400_naming_it()
    {
        var body = TaskBodies.QualityFilter("qf-foreign", "obs://imgs/qf-foreign", "obs://imgs/out-qf-foreign").Replace("\"QualityFilter\"", "\"MetaValidation\"", StringComparison.Ordinal);

        var response = await server.Client.PostAsync(server.Client.Tasks, body);

        Assert.Equal(400, (int)response.Status);
        Assert.Contains("template.operator_params[0].name", response.Json["error_msg"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private void WriteQualitySet(string folder)
    {
        for (var index = 1; index <= 3; index++)
        {
            server.WriteImage($"{folder}/normal{index}.jpg", QualityImages.Normal(index));
        }

        server.WriteImage($"{folder}/dark.png", QualityImages.Dark(21));
        server.WriteImage($"{folder}/light.png", QualityImages.Light(22));
        server.WriteImage($"{folder}/blurry.png", QualityImages.Blurry());
    }

    private string Output(string folder, string versionId) => VersionOutput.Directory(server.ImagesDirectory, $"out-{folder}", versionId);
}
