using System.Net;
using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;
using Refinery.TestSupport;

namespace Refinery.IntegrationTests.Engine;

/// <summary>
/// A validation run over files named <c>.jpg</c> whose headers promise OpenCV a 12000×12000 image: each is that
/// sample's error, refused before decoding, the run completes, and a thumbnail of one is a ModelArts error.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HostileImageRunTests(RefineryInstance server) : IAsyncLifetime
{
    private const string Folder = "hostile";

    // xunit makes an instance per test; the run is done once and shared by every test below.
    private static readonly SharedRun<Run> _run = new();

    public async Task InitializeAsync()
    {
        await _run.EnsureAsync(ValidateAsync);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Run> ValidateAsync()
    {
        server.WriteImage($"{Folder}/good.jpg", TestImages.Jpeg(200, 150, 3));
        server.WriteImage($"{Folder}/hdr.jpg", HostileImages.RadianceHdr());
        server.WriteImage($"{Folder}/pbm.jpg", HostileImages.Pbm());
        server.WriteImage($"{Folder}/tiff.jpg", HostileImages.TiffWithDuplicateSize());
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation("hostile", $"obs://imgs/{Folder}", "obs://imgs/out-hostile"));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        var version = await server.Client.WaitForCompletionAsync(taskId, versionId);
        var results = (await server.Client.AllResultsAsync(taskId, versionId, "&process_parameter=image/resize,m_lfit,w_64"))
            .ToDictionary(result => Path.GetFileName(result["origin_source"]!.GetValue<string>()));
        return new Run(version, results);
    }

    [Fact]
    public void The_run_completes_with_the_good_image_kept_and_each_hostile_one_deleted()
    {
        Assert.Equal(2, _run.Value.Version["status"]!.GetValue<int>());
        Assert.Equal(4, _run.Value.Version["origin_sample_count"]!.GetValue<int>());
        Assert.Equal(3, _run.Value.Version["deleted_sample_count"]!.GetValue<int>());
        Assert.Equal(0, Property("good.jpg"));
    }

    [Theory]
    [InlineData("hdr.jpg", "not in an image format Refinery decodes")]
    [InlineData("pbm.jpg", "not in an image format Refinery decodes")]
    [InlineData("tiff.jpg", "tag 256 twice in its first directory: its header is ambiguous")]
    public void Each_hostile_file_is_a_per_sample_error_refused_before_decoding(string name, string reason)
    {
        Assert.Equal(2, Property(name));
        var description = string.Join(" | ", _run.Value.Results[name]["result_description"]!.AsArray().SelectMany(line => line!.AsArray().Select(text => text!.GetValue<string>())));
        Assert.Contains(reason, description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thumbnail_of_a_hostile_file_through_its_signed_link_is_a_ModelArts_error()
    {
        using var anonymous = new HttpClient();

        using var response = await anonymous.GetAsync(new Uri(_run.Value.Results["hdr.jpg"]["signed_origin_source"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ModelArts.0101", error["error_code"]!.GetValue<string>());
        Assert.Contains("not in an image format Refinery decodes", error["error_msg"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static int Property(string name) => _run.Value.Results[name]["result_property"]!.GetValue<int>();

    private sealed record Run(JsonNode Version, Dictionary<string, JsonNode> Results);
}
