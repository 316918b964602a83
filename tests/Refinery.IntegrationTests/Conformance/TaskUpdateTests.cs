using System.Net;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Conformance;

/// <summary>PUT on a task changes only what it is given, and only the description can be given.</summary>
[Collection(ServerCollection.Name)]
public sealed class TaskUpdateTests(RefineryInstance server)
{
    [Theory]
    [InlineData("empty", "{}")]
    [InlineData("null", """{ "description": null }""")]
    public async Task An_update_without_a_description_leaves_the_description_as_it_was(string name, string body)
    {
        var taskId = await DescribedTaskAsync($"update-keep-{name}");

        var response = await server.Client.PutAsync($"{server.Client.Tasks}/{taskId}", body);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("kept", (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_update_of_a_field_that_cannot_change_is_400_naming_it_and_changes_nothing()
    {
        var taskId = await DescribedTaskAsync("update-fixed");

        var response = await server.Client.PutAsync($"{server.Client.Tasks}/{taskId}", """{ "name": "x", "description": "new", "workspace_id": "1" }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.0101", response.ErrorCode);
        Assert.Contains("'name, workspace_id'", response.Raw, StringComparison.Ordinal);
        var task = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json;
        Assert.Equal("update-fixed", task["name"]!.GetValue<string>());
        Assert.Equal("kept", task["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_empty_description_clears_it()
    {
        var taskId = await DescribedTaskAsync("update-clear");

        await server.Client.PutAsync($"{server.Client.Tasks}/{taskId}", """{ "description": "" }""");

        Assert.Equal("", (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json["description"]!.GetValue<string>());
    }

    private async Task<string> DescribedTaskAsync(string name)
    {
        var body = TaskBodies.Validation(name, Datasets.SmallFolder(server, name, 1), $"obs://imgs/out-{name}", createVersion: false)
            .Replace("\"description\": \"\"", "\"description\": \"kept\"", StringComparison.Ordinal);
        return await server.Client.CreateTaskAsync(body);
    }
}
