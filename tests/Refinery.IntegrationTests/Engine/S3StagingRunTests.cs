using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;
using Refinery.Storage;
using Refinery.Storage.S3;

namespace Refinery.IntegrationTests.Engine;

/// <summary>
/// Staging kept in S3 (what processes on several machines share) against staging in a local folder: the same
/// validation, analysis and augmentation on both give the same results and output, and leave the staging prefix empty.
/// </summary>
[Collection(S3ServerCollection.Name)]
public sealed class S3StagingRunTests(S3RefineryInstance instance) : IAsyncLifetime
{
    private const string Bucket = S3RefineryInstance.S3Bucket;
    private const string StagingPrefix = "refinery-staging";

    // xunit makes an instance per test; the runs are made once and shared by every assertion below.
    private static readonly SharedRun<Runs> _runs = new();

    private static readonly (string Name, string Params)[] _augmentations =
    [
        ("Flip", "\"lr_ud\": \"lr\", \"flip_p\": \"1\", \"seed\": \"fixed\""),
        ("AddNoise", "\"noise_type\": \"Gauss\", \"scale\": \"20\", \"seed\": \"fixed\""),
    ];

    private static Runs Both => _runs.Value;

    public async Task InitializeAsync() => await _runs.EnsureAsync(RunBothAsync);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void A_validation_staged_in_S3_publishes_the_same_results_files_and_manifest()
    {
        AssertSame(Both.Local.Validation, Both.InS3.Validation);
        Assert.Contains("good.jpg", Both.InS3.Validation.Files.Keys);
    }

    [Fact]
    public void An_analysis_staged_in_S3_gives_the_same_dataset_result_and_sample_values()
    {
        Assert.Equal(Both.Local.Analysis.Results, Both.InS3.Analysis.Results);
        Assert.Equal(Both.Local.AnalysisResult, Both.InS3.AnalysisResult);
        Assert.Contains("\"exact_duplicates\":2", Both.InS3.AnalysisResult, StringComparison.Ordinal);
    }

    [Fact]
    public void An_augmentation_staged_in_S3_publishes_the_same_added_images_to_a_local_folder()
    {
        AssertSame(Both.Local.Augmentation, Both.InS3.Augmentation);
        Assert.Contains("1_aug1_Flip.jpg", Both.InS3.Augmentation.Files.Keys);
    }

    [Fact]
    public void Nothing_is_left_under_the_staging_prefix_once_the_versions_completed()
    {
        Assert.Empty(Both.StagingLeft);
    }

    [Fact]
    public void The_server_staging_in_S3_makes_no_staging_folder_where_the_other_does()
    {
        Assert.Equal((true, false), (Both.LocalStagingFolder, Both.InS3StagingFolder));
    }

    private static void AssertSame(Published expected, Published actual)
    {
        Assert.Equal(expected.Results, actual.Results);
        Assert.Equal(expected.Files, actual.Files);
        Assert.Equal(expected.Manifest, actual.Manifest);
    }

    private async Task<Runs> RunBothAsync()
    {
        await instance.WriteAsync("stg-in/good.jpg", TestImages.Jpeg(200, 150, 4));
        await instance.WriteAsync("stg-in/copy.jpg", TestImages.Jpeg(200, 150, 4));
        await instance.WriteAsync("stg-in/photo.jpg", TestImages.SceneJpeg(320, 240));
        await instance.WriteAsync("stg-in/gray.png", TestImages.GrayPng(120, 90));
        await instance.WriteAsync("stg-in/truncated.jpg", TestImages.TruncatedJpeg(400, 300));
        await instance.WriteAsync("stg-aug/cat/1.jpg", TestImages.Jpeg(120, 90, 7));
        await instance.WriteAsync("stg-aug/dog/2.png", TestImages.Png(100, 80, 8));

        var local = await RunAllAsync(instance.Server, "local");
        await using var stagedInS3 = new RefineryInstance(options => options with
        {
            S3Buckets = new Dictionary<string, S3StoreOptions> { [Bucket] = instance.BucketOptions },
            StagingObjects = new ObjectPath(Bucket, StagingPrefix),
        });
        await stagedInS3.InitializeAsync();
        var inS3 = await RunAllAsync(stagedInS3, "s3");
        await stagedInS3.WaitUntilJobsIdleAsync(TimeSpan.FromMinutes(1));
        var left = await instance.Store.ListAsync(new ObjectPath(Bucket, StagingPrefix), CancellationToken.None)
            .Select(info => info.Path.Key).ToListAsync();
        return new Runs(local, inS3, left, HasStagingFolder(instance.Server), HasStagingFolder(stagedInS3));
    }

    private static bool HasStagingFolder(RefineryInstance server) => Directory.Exists(Path.Combine(server.DataDirectory, "staging"));

    private async Task<ServerRuns> RunAllAsync(RefineryInstance server, string label)
    {
        var validationOut = $"stg-val-{label}";
        var validation = await RunAsync(
            server, TaskBodies.Validation($"stg-val-{label}", $"obs://{Bucket}/stg-in", $"obs://{Bucket}/{validationOut}", taskType: "image_classification"));
        var analysis = await RunAsync(server, TaskBodies.Analysis($"stg-ana-{label}", $"obs://{Bucket}/stg-in"));
        var augmentationOut = "stg-aug-out";
        var augmentation = await RunAsync(
            server, TaskBodies.Augmentation($"stg-aug-{label}", $"obs://{Bucket}/stg-aug", $"obs://imgs/{augmentationOut}", "image_classification", _augmentations));
        var analysisTask = (await server.Client.GetAsync($"{server.Client.Tasks}/{analysis.TaskId}")).Json;
        return new ServerRuns(
            await PublishedInS3Async(validation, $"{validationOut}/output/{validation.VersionId}"),
            analysis.WithoutOutput(),
            analysisTask["result"]!.ToJsonString(),
            PublishedLocally(augmentation, server.ImagesDirectory, $"{augmentationOut}/output/{augmentation.VersionId}"));
    }

    private static async Task<Run> RunAsync(RefineryInstance server, string body)
    {
        var taskId = await server.Client.CreateTaskAsync(body);
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        var version = await server.Client.WaitForCompletionAsync(taskId, versionId);
        Assert.Equal(2, version["status"]!.GetValue<int>());
        return new Run(taskId, versionId, await server.Client.AllResultsAsync(taskId, versionId));
    }

    private async Task<Published> PublishedInS3Async(Run run, string outputKey)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var info in instance.Store.ListAsync(new ObjectPath(Bucket, $"{outputKey}/Data"), CancellationToken.None))
        {
            files[Path.GetFileName(info.Path.Key)] = Convert.ToHexString(await instance.ReadAsync(info.Path.Key));
        }

        var manifest = System.Text.Encoding.UTF8.GetString(await instance.ReadAsync($"{outputKey}/output.manifest"));
        return new Published(run.Comparable(), files, WithoutOutputRoot(manifest, $"obs://{Bucket}/{outputKey}"));
    }

    private static Published PublishedLocally(Run run, string imagesDirectory, string outputKey)
    {
        var outputDirectory = Path.Combine(imagesDirectory, outputKey);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(outputDirectory, "Data"), "*", SearchOption.AllDirectories))
        {
            files[Path.GetFileName(file)] = Convert.ToHexString(File.ReadAllBytes(file));
        }

        var manifest = File.ReadAllText(Path.Combine(outputDirectory, "output.manifest"));
        return new Published(run.Comparable(), files, WithoutOutputRoot(manifest, $"obs://imgs/{outputKey}"));
    }

    /// <summary>The manifest with its version's output root (where the two servers differ) taken out.</summary>
    private static string WithoutOutputRoot(string manifest, string outputUri) => manifest.Replace(outputUri, "OUTPUT", StringComparison.Ordinal);

    private sealed record Run(string TaskId, string VersionId, List<JsonNode> Results)
    {
        /// <summary>Each result as text keyed by its output (or input) file name, with what differs between servers — ids, the output root, signed links — taken out.</summary>
        public SortedDictionary<string, string> Comparable()
        {
            var comparable = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var result in Results)
            {
                var copy = result.DeepClone().AsObject();
                foreach (var field in copy.Select(pair => pair.Key).Where(key => key.StartsWith("signed_", StringComparison.Ordinal) || key.EndsWith("_id", StringComparison.Ordinal)).ToList())
                {
                    copy.Remove(field);
                }

                var name = Path.GetFileName((copy["new_source"] ?? copy["origin_source"])!.GetValue<string>());
                copy.Remove("new_source");
                comparable[name] = copy.ToJsonString();
            }

            return comparable;
        }

        public Published WithoutOutput() => new(Comparable(), new SortedDictionary<string, string>(), "");
    }

    private sealed record Published(SortedDictionary<string, string> Results, SortedDictionary<string, string> Files, string Manifest);

    private sealed record ServerRuns(Published Validation, Published Analysis, string AnalysisResult, Published Augmentation);

    private sealed record Runs(ServerRuns Local, ServerRuns InS3, List<string> StagingLeft, bool LocalStagingFolder, bool InS3StagingFolder);
}
