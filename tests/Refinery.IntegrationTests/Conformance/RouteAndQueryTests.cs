using System.Net;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Conformance;

/// <summary>Small things a ModelArts user trips over: wrong methods on fixed routes, echoed values, workspaces.</summary>
[Collection(ServerCollection.Name)]
public sealed class RouteAndQueryTests(RefineryInstance server)
{
    [Theory]
    [InlineData("DELETE")]
    [InlineData("PUT")]
    public async Task A_wrong_method_on_the_template_list_is_the_unknown_route_error_not_a_task_lookup(string method)
    {
        var response = await server.Client.SendAsync(new HttpMethod(method), $"{server.Client.Tasks}/items", method == "PUT" ? "{}" : null);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("ModelArts.4204", response.ErrorCode);
    }

    [Fact]
    public async Task A_bad_flag_is_quoted_as_the_client_sent_it()
    {
        var response = await server.Client.GetAsync($"{server.Client.Tasks}?return_result=Yes");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("got 'Yes'", response.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workspace_id_is_kept_as_a_label_that_lists_filter_on()
    {
        var body = TaskBodies.Validation("ws-label", Datasets.SmallFolder(server, "ws-label", 1), "obs://imgs/out-ws-label", createVersion: false)
            .Replace("\"workspace_id\": \"0\"", "\"workspace_id\": \"team-a\"", StringComparison.Ordinal);
        var taskId = await server.Client.CreateTaskAsync(body);

        var task = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json;
        var inDefault = await server.Client.GetAsync($"{server.Client.Tasks}?task_name=ws-label");
        var inTeam = await server.Client.GetAsync($"{server.Client.Tasks}?task_name=ws-label&workspace_id=team-a");

        Assert.Equal("team-a", task["workspace_id"]!.GetValue<string>());
        Assert.Equal(0, inDefault.Json["count"]!.GetValue<int>());
        Assert.Equal(1, inTeam.Json["count"]!.GetValue<int>());
    }
}
