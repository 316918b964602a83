using System.Net;
using System.Text.Json.Nodes;
using OpenCvSharp;
using Refinery.IntegrationTests.Infrastructure;
using Refinery.Storage;

namespace Refinery.IntegrationTests.Engine;

/// <summary>A validation version whose input folder and work_path are both in an S3 bucket, read back from S3.</summary>
[Collection(S3ServerCollection.Name)]
public sealed class S3ValidationRunTests(S3RefineryInstance instance) : IAsyncLifetime
{
    private const string Bucket = S3RefineryInstance.S3Bucket;

    // xunit makes an instance per test; the run is done once and shared by every assertion below.
    private static readonly SharedRun<Run> _run = new();

    private static readonly byte[] _good = TestImages.Jpeg(200, 150, 4);
    private static readonly byte[] _photo = TestImages.Jpeg(400, 300, 6);

    private static string VersionId => _run.Value.VersionId;

    private static Dictionary<string, JsonNode> Results => _run.Value.Results;

    private RefineryApiClient Client => instance.Server.Client;

    public async Task InitializeAsync()
    {
        await _run.EnsureAsync(ValidateAsync);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Run> ValidateAsync()
    {
        await instance.WriteAsync("in/good.jpg", _good);
        await instance.WriteAsync("in/photo.jpg", _photo);
        await instance.WriteAsync("in/gray.png", TestImages.GrayPng(120, 90));
        await instance.WriteAsync("in/truncated.jpg", TestImages.TruncatedJpeg(400, 300));

        var taskId = await Client.CreateTaskAsync(TaskBodies.Validation("s3-val", $"obs://{Bucket}/in", $"obs://{Bucket}/out", taskType: "image_classification"));
        var versionId = await Client.LatestVersionIdAsync(taskId);
        await Client.WaitForCompletionAsync(taskId, versionId);
        var results = (await Client.AllResultsAsync(taskId, versionId))
            .ToDictionary(result => Path.GetFileName(result["origin_source"]!.GetValue<string>()));
        return new Run(taskId, versionId, results);
    }

    [Fact]
    public async Task Kept_images_are_written_to_the_S3_work_path_byte_for_byte()
    {
        Assert.Equal(_good, await instance.ReadAsync($"out/output/{VersionId}/Data/good.jpg"));
        Assert.Equal(_photo, await instance.ReadAsync($"out/output/{VersionId}/Data/photo.jpg"));
        using var gray = Cv2.ImDecode(await instance.ReadAsync($"out/output/{VersionId}/Data/gray_checked.png"), ImreadModes.Unchanged);
        Assert.Equal(3, gray.Channels());
        Assert.Null(await instance.Store.StatAsync(new ObjectPath(Bucket, $"out/output/{VersionId}/Data/truncated.jpg"), CancellationToken.None));
    }

    [Fact]
    public async Task The_output_manifest_in_S3_lists_every_kept_sample()
    {
        var manifest = System.Text.Encoding.UTF8.GetString(await instance.ReadAsync($"out/output/{VersionId}/output.manifest"));
        var sources = manifest.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!["source"]!.GetValue<string>())
            .Order(StringComparer.Ordinal);

        var data = $"obs://{Bucket}/out/output/{VersionId}/Data";
        Assert.Equal([$"{data}/good.jpg", $"{data}/gray_checked.png", $"{data}/photo.jpg"], sources);
        Assert.Equal(2, Results["truncated.jpg"]["result_property"]!.GetValue<int>());
    }

    [Fact]
    public async Task Signed_links_of_an_S3_result_are_presigned_URLs_of_the_S3_server()
    {
        var result = await FreshResultAsync("good.jpg");
        var origin = result["signed_origin_source"]!.GetValue<string>();
        var output = result["signed_new_source"]!.GetValue<string>();
        using var anonymous = new HttpClient();

        Assert.StartsWith(instance.S3.Endpoint.ToString(), origin, StringComparison.Ordinal);
        Assert.Equal(_good, await anonymous.GetByteArrayAsync(new Uri(origin)));
        Assert.Equal(_good, await anonymous.GetByteArrayAsync(new Uri(output)));
    }

    [Fact]
    public async Task A_thumbnail_of_an_S3_result_is_served_by_Refinery_from_S3()
    {
        var link = (await FreshResultAsync("photo.jpg", "&process_parameter=image/resize,m_lfit,h_100"))["signed_new_source"]!.GetValue<string>();
        using var anonymous = new HttpClient();
        using var response = await anonymous.GetAsync(new Uri(link));

        Assert.StartsWith(instance.Server.BaseAddress.ToString(), link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var thumbnail = Cv2.ImDecode(await response.Content.ReadAsByteArrayAsync(), ImreadModes.Unchanged);
        Assert.Equal((133, 100), (thumbnail.Width, thumbnail.Height));
    }

    // Links live only a few seconds on this server, so each test asks for its own.
    private async Task<JsonNode> FreshResultAsync(string name, string query = "")
    {
        var results = await Client.AllResultsAsync(_run.Value.TaskId, VersionId, query);
        return results.Single(result => Path.GetFileName(result["origin_source"]!.GetValue<string>()) == name);
    }

    private sealed record Run(string TaskId, string VersionId, Dictionary<string, JsonNode> Results);
}
