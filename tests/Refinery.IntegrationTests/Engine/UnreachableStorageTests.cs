using System.Diagnostics;
using System.Net;
using Refinery.IntegrationTests.Infrastructure;
using Refinery.Storage.S3;

namespace Refinery.IntegrationTests.Engine;

/// <summary>A bucket whose S3 endpoint does not answer: clear errors in bounded time, never a hang or a half-run.</summary>
public sealed class UnreachableStorageTests : IAsyncLifetime
{
    private readonly RefineryInstance _server = new(options => options with
    {
        S3Buckets = new Dictionary<string, S3StoreOptions>
        {
            ["deadimgs"] = new(new Uri($"http://127.0.0.1:{ServeProcess.FreePort()}"), "key", "secret", "dead") { MaxRetries = 1, ConnectTimeout = TimeSpan.FromSeconds(1) },
        },
    });

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task An_input_on_an_unreachable_endpoint_is_refused_at_creation_with_4314()
    {
        var response = await _server.Client.PostAsync(_server.Client.Tasks, TaskBodies.Validation("dead-input", "obs://deadimgs/in", "obs://imgs/out-dead"));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.4314", response.ErrorCode);
        Assert.Contains("127.0.0.1", response.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_to_an_unreachable_endpoint_fails_the_version_with_a_clear_message_in_bounded_time()
    {
        var input = Datasets.SmallFolder(_server, "dead-out", 2);
        var clock = Stopwatch.StartNew();
        var taskId = await _server.Client.CreateTaskAsync(TaskBodies.Validation("dead-output", input, "obs://deadimgs/out", taskType: "image_classification"));
        var versionId = await _server.Client.LatestVersionIdAsync(taskId);

        var version = await _server.Client.WaitForVersionAsync(taskId, versionId, TimeSpan.FromSeconds(60), 2, 3, 4);

        Assert.Equal(3, version["status"]!.GetValue<int>());
        Assert.Contains("127.0.0.1", version["error_msg"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60));
        var results = await _server.Client.GetAsync($"{_server.Client.Tasks}/{taskId}/versions/{versionId}/results");
        Assert.Equal(0, results.Json["count"]!.GetValue<int>());
    }
}
