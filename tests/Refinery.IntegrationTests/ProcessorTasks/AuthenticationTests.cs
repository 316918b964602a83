using System.Net;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.ProcessorTasks;

[Collection(ServerCollection.Name)]
public sealed class AuthenticationTests(RefineryInstance server)
{
    [Fact]
    public async Task A_request_without_a_token_is_401()
    {
        using var anonymous = new RefineryApiClient(server.NewHttpClient(token: null), server.ProjectId);
        var response = await anonymous.GetAsync(anonymous.Tasks);
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("ModelArts.0201", response.ErrorCode);
    }

    [Fact]
    public async Task An_unknown_token_is_401()
    {
        using var stranger = new RefineryApiClient(server.NewHttpClient("not-a-token"), server.ProjectId);
        var response = await stranger.GetAsync(stranger.Tasks);
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("ModelArts.4201", response.ErrorCode);
    }

    [Fact]
    public async Task A_token_of_another_project_is_403_0210()
    {
        var (_, otherToken) = await server.CreateOtherProjectAsync();
        using var other = new RefineryApiClient(server.NewHttpClient(otherToken), server.ProjectId);
        var response = await other.GetAsync(other.Tasks);
        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("ModelArts.0210", response.ErrorCode);
    }

    [Fact]
    public async Task A_task_of_another_project_is_not_found_from_that_project()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "auth-hidden", Datasets.SmallFolder(server, "auth-hidden"), "obs://imgs/out-auth-hidden"));
        var (otherProject, otherToken) = await server.CreateOtherProjectAsync();
        using var other = new RefineryApiClient(server.NewHttpClient(otherToken), otherProject);

        var response = await other.GetAsync($"{other.Tasks}/{taskId}");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("ModelArts.4700", response.ErrorCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_first_start_writes_the_project_and_token_to_an_owner_only_credentials_file()
    {
        var path = Path.Combine(server.DataDirectory, "credentials.json");
        var credentials = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(server.ProjectId, credentials["project_id"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{32}$", server.ProjectId);
        Assert.Equal(server.Token, credentials["token"]!.GetValue<string>());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task An_unknown_route_under_v2_is_404_4204()
    {
        var response = await server.Client.GetAsync($"/v2/{server.ProjectId}/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("ModelArts.4204", response.ErrorCode);
    }
}
