using OpenCvSharp;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Engine;

/// <summary>Feature analysis through the API: the result object's shape and totals, and per-sample values.</summary>
[Collection(ServerCollection.Name)]
public sealed class AnalysisRunTests(RefineryInstance server)
{
    private static readonly string[] _imageFeatures = ["resolution", "aspect_ratio", "brightness", "saturation", "clarity", "colorfulness"];
    private static readonly string[] _issues = ["dark", "light", "blurry", "low_information", "odd_aspect_ratio", "odd_size", "grayscale", "exact_duplicates", "near_duplicates"];

    [Fact]
    public async Task Analysing_a_folder_of_mixed_images_completes_with_the_documented_result()
    {
        var folder = "analyse-mixed";
        var photo = TestImages.SceneJpeg(320, 240);
        server.WriteImage($"{folder}/train/a.jpg", photo);
        server.WriteImage($"{folder}/train/a-copy.jpg", photo);
        server.WriteImage($"{folder}/train/a-reencoded.jpg", Reencode(photo, 90));
        server.WriteImage($"{folder}/train/dark.png", Uniform(200, 150, 8));
        server.WriteImage($"{folder}/train/wide.jpg", TestImages.Jpeg(400, 100, 22));
        server.WriteImage($"{folder}/train/gray.png", TestImages.GrayPng(160, 120));
        server.WriteImage($"{folder}/train/broken.jpg", TestImages.TruncatedJpeg(300, 200));
        server.WriteImage($"{folder}/train/empty.jpg", []);

        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Analysis("analyse-mixed", $"obs://imgs/{folder}"));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        await server.Client.WaitForCompletionAsync(taskId, versionId);
        var task = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json;
        var result = task["result"]!;

        Assert.Equal(2, task["status"]!.GetValue<int>());
        Assert.Equal(8, result["sample_count"]!.GetValue<int>());
        Assert.Equal(6, result["analysed_count"]!.GetValue<int>());
        Assert.Equal(2, result["failed_count"]!.GetValue<int>());
        var features = result["features"]!.AsObject();
        Assert.Equal(_imageFeatures.Order(), features.Select(feature => feature.Key).Order());
        foreach (var (name, feature) in features)
        {
            Assert.Equal("image", feature!["scope"]!.GetValue<string>());
            Assert.Equal(6, feature["count"]!.GetValue<int>());
            Assert.Equal(21, feature["histogram"]!["edges"]!.AsArray().Count);
            Assert.Equal(6, feature["histogram"]!["counts"]!.AsArray().Sum(count => count!.GetValue<long>()));
            Assert.True(feature["min"]!.GetValue<double>() <= feature["median"]!.GetValue<double>(), name);
            Assert.True(feature["median"]!.GetValue<double>() <= feature["max"]!.GetValue<double>(), name);
        }

        Assert.Equal(4.0, features["aspect_ratio"]!["max"]!.GetValue<double>(), 3);
        var quality = result["quality"]!.AsObject();
        Assert.Equal(_issues.Order(), quality.Select(issue => issue.Key).Order());
        Assert.Equal(2, quality["exact_duplicates"]!.GetValue<int>());
        // cleanvision groups near duplicates by identical pHash and drops a near set equal to an exact set, so the
        // re-encoded copy makes a near set of 3 exactly when its pHash came out identical; it must be close either way.
        var results = (await server.Client.AllResultsAsync(taskId, versionId))
            .ToDictionary(sample => Path.GetFileName(sample["origin_source"]!.GetValue<string>()), sample => sample["values"]!);
        var original = Convert.ToUInt64(results["a.jpg"]["phash"]!.GetValue<string>(), 16);
        var reencoded = Convert.ToUInt64(results["a-reencoded.jpg"]["phash"]!.GetValue<string>(), 16);
        Assert.InRange(ulong.PopCount(original ^ reencoded), 0UL, 2UL);
        Assert.Equal(original == reencoded ? 3 : 0, quality["near_duplicates"]!.GetValue<int>());
        Assert.True(quality["dark"]!.GetValue<int>() >= 1);
        Assert.Equal(1, quality["grayscale"]!.GetValue<int>());
        Assert.Equal(1, quality["odd_aspect_ratio"]!.GetValue<int>());

        var template = task["template"]!["operator_params"]![0]!["params"]!;
        Assert.Equal("image_classification", template["task_type"]!.GetValue<string>());
        Assert.Equal($"obs://imgs/{folder}", template["manifest_path"]!.GetValue<string>());
        Assert.False(template["is_normed"]!.GetValue<bool>());
        Assert.True(task["is_current"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Per_sample_results_say_which_images_are_duplicated_and_why_others_failed()
    {
        var folder = "analyse-dups";
        var photo = TestImages.Jpeg(256, 192, 31);
        server.WriteImage($"{folder}/one.jpg", photo);
        server.WriteImage($"{folder}/two.jpg", photo);
        server.WriteImage($"{folder}/other.jpg", TestImages.Jpeg(256, 192, 32));
        server.WriteImage($"{folder}/truncated.jpg", TestImages.TruncatedJpeg(256, 192));

        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Analysis("analyse-dups", $"obs://imgs/{folder}"));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        await server.Client.WaitForCompletionAsync(taskId, versionId);
        var results = (await server.Client.AllResultsAsync(taskId, versionId))
            .ToDictionary(result => Path.GetFileName(result["origin_source"]!.GetValue<string>()), result => result);

        var one = results["one.jpg"]["values"]!;
        var two = results["two.jpg"]["values"]!;
        Assert.True(one["is_exact_duplicates_issue"]!.GetValue<bool>());
        Assert.Equal(one["exact_duplicates_group"]!.GetValue<string>(), two["exact_duplicates_group"]!.GetValue<string>());
        Assert.False(results["other.jpg"]["values"]!["is_exact_duplicates_issue"]!.GetValue<bool>());
        Assert.Equal(256.0 / 192.0, one["aspect_ratio"]!.GetValue<double>(), 6);
        Assert.True(results["truncated.jpg"]["values"]!["failed"]!.GetValue<bool>());
        Assert.NotEmpty(results["truncated.jpg"]["result_description"]!.AsArray());
    }

    [Fact]
    public async Task A_manifest_input_splits_the_result_by_usage()
    {
        var lines = new List<string>();
        for (var index = 0; index < 5; index++)
        {
            server.WriteImage($"analyse-usage/{index}.jpg", TestImages.Jpeg(80 + (10 * index), 60, 40 + index));
            lines.Add($$"""{"source":"obs://imgs/analyse-usage/{{index}}.jpg","usage":"{{(index < 3 ? "TRAIN" : "eval")}}"}""");
        }

        server.WriteImage("analyse-usage/V001.manifest", System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Analysis("analyse-usage", "obs://imgs/analyse-usage/V001.manifest", isNormed: true));
        await server.Client.WaitForCompletionAsync(taskId, await server.Client.LatestVersionIdAsync(taskId));
        var result = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json["result"]!;

        Assert.Equal(3, result["by_usage"]!["TRAIN"]!["features"]!["brightness"]!["count"]!.GetValue<int>());
        Assert.Equal(2, result["by_usage"]!["EVAL"]!["features"]!["brightness"]!["count"]!.GetValue<int>());
        var normed = result["features"]!["resolution"]!["histogram"]!["counts"]!.AsArray().Sum(count => count!.GetValue<double>());
        Assert.Equal(1.0, normed, 6);
    }

    [Fact]
    public async Task An_input_without_images_fails_the_version_with_a_clear_message()
    {
        server.WriteImage("analyse-none/readme.txt", "no images here"u8.ToArray());
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Analysis("analyse-none", "obs://imgs/analyse-none"));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        var version = await server.Client.WaitForVersionAsync(taskId, versionId, TimeSpan.FromSeconds(60), 2, 3, 4);

        Assert.Equal(3, version["status"]!.GetValue<int>());
        Assert.Contains("no images", version["error_msg"]!.GetValue<string>(), StringComparison.Ordinal);
        var task = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json;
        Assert.Equal(3, task["status"]!.GetValue<int>());
        Assert.Contains("no images", task["error_msg"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_feature_in_op_list_is_400_naming_it()
    {
        Datasets.SmallFolder(server, "analyse-bad", 1);
        var response = await server.Client.PostAsync(server.Client.Tasks, TaskBodies.Analysis("analyse-bad", "obs://imgs/analyse-bad", "\"sharpness\""));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.0101", response.ErrorCode);
        Assert.Contains("sharpness", response.ErrorMessage, StringComparison.Ordinal);
    }

    private static byte[] Reencode(byte[] jpeg, int quality)
    {
        using var image = Cv2.ImDecode(jpeg, ImreadModes.Color);
        return image.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));
    }

    private static byte[] Uniform(int width, int height, byte value)
    {
        using var image = new Mat(height, width, MatType.CV_8UC3, new Scalar(value, value, value));
        return image.ImEncode(".png");
    }
}
