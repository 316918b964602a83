using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using OpenCvSharp;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.ProcessorTasks;

/// <summary>Signed links and thumbnails in the results of a run over the local bucket <c>imgs</c>.</summary>
[Collection(S3ServerCollection.Name)]
public sealed class SignedLinkTests(S3RefineryInstance instance) : IAsyncLifetime
{
    private const string Folder = "signed-links";

    // xunit makes an instance per test; the run is done once and shared by every test below.
    private static readonly SharedRun<Run> _run = new();

    private static readonly byte[] _photo = TestImages.Jpeg(400, 300, 2);
    private static readonly byte[] _oddlyNamed = TestImages.Png(80, 60, 5);

    private RefineryInstance Server => instance.Server;

    public async Task InitializeAsync()
    {
        await _run.EnsureAsync(RunAsync);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Run> RunAsync()
    {
        Server.WriteImage($"{Folder}/photo.jpg", _photo);
        Server.WriteImage($"{Folder}/gone.jpg", TestImages.Jpeg(64, 48, 3));
        Server.WriteImage($"{Folder}/odd names/été #1+2.png", _oddlyNamed);
        var taskId = await Server.Client.CreateTaskAsync(TaskBodies.Validation(
            "signed-links", $"obs://imgs/{Folder}", "obs://imgs/out-signed-links", taskType: "image_classification"));
        var versionId = await Server.Client.LatestVersionIdAsync(taskId);
        await Server.Client.WaitForCompletionAsync(taskId, versionId);
        return new Run(taskId, versionId);
    }

    [Fact]
    public async Task Signed_links_open_the_source_and_the_output_without_a_token()
    {
        var result = await ResultAsync("photo.jpg");
        using var anonymous = new HttpClient();

        Assert.Equal(_photo, await anonymous.GetByteArrayAsync(Link(result, "signed_origin_source")));
        Assert.Equal(_photo, await anonymous.GetByteArrayAsync(Link(result, "signed_new_source")));
    }

    [Fact]
    public async Task Signed_links_work_for_keys_with_spaces_reserved_and_non_ascii_characters()
    {
        var result = await ResultAsync("été #1+2.png");
        using var anonymous = new HttpClient();

        Assert.Equal(_oddlyNamed, await anonymous.GetByteArrayAsync(Link(result, "signed_origin_source")));
    }

    [Fact]
    public async Task Signed_links_use_the_host_the_results_were_asked_for_on()
    {
        using var http = Server.NewHttpClient(Server.Token);
        http.DefaultRequestHeaders.Host = $"localhost:{Server.BaseAddress.Port}";
        var page = await new RefineryApiClient(http, Server.ProjectId).GetAsync($"{Server.Client.Tasks}/{_run.Value.TaskId}/versions/{_run.Value.VersionId}/results");

        var link = page.Json["results"]![0]!["signed_origin_source"]!.GetValue<string>();
        Assert.StartsWith($"http://localhost:{Server.BaseAddress.Port}/signed/imgs/{Folder}/", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_link_is_refused_with_403_once_it_has_expired()
    {
        var link = Link(await ResultAsync("photo.jpg"), "signed_origin_source");
        using var anonymous = new HttpClient();
        using var fresh = await anonymous.GetAsync(link);
        // Expiry has one-second resolution, so move a full second past the lifetime.
        instance.Clock.Advance(S3RefineryInstance.LinkLifetime + TimeSpan.FromSeconds(1));
        using var expired = await anonymous.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal("ModelArts.0108", await ErrorCodeAsync(expired));
    }

    [Theory]
    [InlineData("expires")]
    [InlineData("signature")]
    [InlineData("process")]
    [InlineData("key")]
    [InlineData("bucket")]
    public async Task A_signed_link_is_refused_with_403_when_any_part_is_altered(string part)
    {
        var link = Link(await ResultAsync("photo.jpg", "&process_parameter=image/resize,m_lfit,h_100"), "signed_origin_source");
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var path = link.AbsolutePath;
        switch (part)
        {
            case "expires":
                query["expires"] = (long.Parse(query["expires"]!, System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "signature":
                var signature = query["signature"]!;
                query["signature"] = (signature[0] == 'a' ? "b" : "a") + signature[1..];
                break;
            case "process":
                query["process"] = "image/resize,m_lfit,h_4000";
                break;
            case "key":
                path = path.Replace("photo.jpg", "gone.jpg", StringComparison.Ordinal);
                break;
            default:
                path = path.Replace("/signed/imgs/", "/signed/local/", StringComparison.Ordinal);
                break;
        }

        using var anonymous = new HttpClient();
        using var response = await anonymous.GetAsync(new UriBuilder(link) { Path = path, Query = query.ToString() }.Uri);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("ModelArts.0108", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task A_signed_link_to_an_object_that_has_gone_is_404()
    {
        var link = Link(await ResultAsync("gone.jpg"), "signed_origin_source");
        File.Delete(Path.Combine(Server.ImagesDirectory, Folder, "gone.jpg"));
        using var anonymous = new HttpClient();
        using var response = await anonymous.GetAsync(link);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ModelArts.4312", await ErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("image/resize,m_lfit,h_100", 133, 100)]
    [InlineData("image/resize,m_lfit,w_50", 50, 38)]
    [InlineData("image/resize,m_lfit,w_200,h_200", 200, 150)]
    [InlineData("image/resize,m_lfit,h_1000", 400, 300)]
    public async Task A_process_parameter_turns_the_signed_links_into_thumbnails_that_fit_inside_it(string process, int width, int height)
    {
        var result = await ResultAsync("photo.jpg", $"&process_parameter={Uri.EscapeDataString(process)}");
        using var anonymous = new HttpClient();

        foreach (var field in new[] { "signed_origin_source", "signed_new_source" })
        {
            using var response = await anonymous.GetAsync(Link(result, field));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(new MediaTypeHeaderValue("image/jpeg"), response.Content.Headers.ContentType);
            using var thumbnail = Cv2.ImDecode(await response.Content.ReadAsByteArrayAsync(), ImreadModes.Unchanged);
            Assert.Equal((width, height), (thumbnail.Width, thumbnail.Height));
        }
    }

    [Theory]
    [InlineData("image/resize,m_fill,h_100")]
    [InlineData("image/resize,m_lfit")]
    [InlineData("image/resize,m_lfit,h_0")]
    [InlineData("image/resize,m_lfit,w_4097")]
    [InlineData("image/resize,m_lfit,h_100,h_200")]
    [InlineData("image/crop,w_100")]
    [InlineData("image/resize,m_lfit,h_100/quality,q_80")]
    public async Task An_unsupported_process_parameter_is_400_naming_it(string process)
    {
        var response = await Server.Client.GetAsync(
            $"{Server.Client.Tasks}/{_run.Value.TaskId}/versions/{_run.Value.VersionId}/results?process_parameter={Uri.EscapeDataString(process)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.0101", response.ErrorCode);
        Assert.Contains("process_parameter", response.ErrorMessage, StringComparison.Ordinal);
    }

    private async Task<JsonNode> ResultAsync(string name, string query = "")
    {
        var results = await Server.Client.AllResultsAsync(_run.Value.TaskId, _run.Value.VersionId, query);
        return results.Single(result => Path.GetFileName(result["origin_source"]!.GetValue<string>()) == name);
    }

    private static Uri Link(JsonNode result, string field) => new(result[field]!.GetValue<string>());

    private static async Task<string> ErrorCodeAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error_code"]!.GetValue<string>();

    private sealed record Run(string TaskId, string VersionId);
}
