using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Events;

/// <summary><c>GET …/versions/{version_id}/events</c> read through real HTTP until the server ends the stream.</summary>
[Collection(ServerCollection.Name)]
public sealed class VersionEventsTests(RefineryInstance server)
{
    [Fact]
    public async Task The_event_stream_follows_a_version_to_completion_and_then_ends()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "events-run", Datasets.SmallFolder(server, "events-run", 4), "obs://imgs/out-events-run", taskType: "image_classification"));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);

        var events = await ReadStreamAsync($"{server.Client.Tasks}/{taskId}/versions/{versionId}/events");

        Assert.NotEmpty(events);
        Assert.All(events, item => Assert.Equal("version", item.EventType));
        var versions = events.Select(item => JsonNode.Parse(item.Data)!).ToList();
        Assert.All(versions, version => Assert.Equal(versionId, version["task_version_id"]!.GetValue<string>()));
        var processed = versions.Select(version => version["progress"]!["processed"]!.GetValue<int>()).ToList();
        Assert.Equal(processed.Order(), processed); // progress never goes back
        var last = versions[^1];
        Assert.Equal(2, last["status"]!.GetValue<int>());
        Assert.Equal(4, last["progress"]!["processed"]!.GetValue<int>());
        Assert.Equal(4, last["progress"]!["total"]!.GetValue<int>());
        Assert.All(versions[..^1], version => Assert.InRange(version["status"]!.GetValue<int>(), 0, 1));
    }

    [Fact]
    public async Task A_finished_version_reports_when_it_started_and_ended_and_its_stream_is_that_one_event()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "events-done", Datasets.SmallFolder(server, "events-done", 2), "obs://imgs/out-events-done", taskType: "image_classification"));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        var version = await server.Client.WaitForCompletionAsync(taskId, versionId);

        var events = await ReadStreamAsync($"{server.Client.Tasks}/{taskId}/versions/{versionId}/events");

        var createTime = version["create_time"]!.GetValue<long>();
        var startTime = version["start_time"]!.GetValue<long>();
        var endTime = version["end_time"]!.GetValue<long>();
        Assert.InRange(startTime, createTime, endTime);
        Assert.InRange(endTime, startTime, version["update_time"]!.GetValue<long>());
        var only = JsonNode.Parse(Assert.Single(events).Data)!;
        Assert.Equal(startTime, only["start_time"]!.GetValue<long>());
        Assert.Equal(endTime, only["end_time"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_stream_of_an_unknown_version_is_404_4851_and_without_a_token_401()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "events-unknown", Datasets.SmallFolder(server, "events-unknown", 1), "obs://imgs/out-events-unknown", createVersion: false));

        var unknown = await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}/versions/AAAAAAAAAAAAAAAAAAA/events");
        using var anonymous = server.NewHttpClient(token: null);
        using var refused = await anonymous.GetAsync($"{server.Client.Tasks}/{taskId}/versions/AAAAAAAAAAAAAAAAAAA/events");

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("ModelArts.4851", unknown.ErrorCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    /// <summary>Every event of the stream, read until the server closes it (the test's timeout bounds a stream that never ends).</summary>
    private async Task<List<SseItem<string>>> ReadStreamAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await server.Client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(stream).EnumerateAsync())
        {
            events.Add(item);
        }

        return events;
    }
}
