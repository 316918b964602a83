using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Conformance;

/// <summary>Tasks and versions return <c>template.name</c>, as the seed's task-details example does.</summary>
[Collection(ServerCollection.Name)]
public sealed class TemplateNameTests(RefineryInstance server)
{
    [Fact]
    public async Task An_analysis_task_and_its_version_carry_the_templates_ModelArts_name()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Analysis("tname-analyse", Datasets.SmallFolder(server, "tname-analyse", 1)));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);

        var task = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json;
        var version = await server.Client.WaitForCompletionAsync(taskId, versionId);

        Assert.Equal("Feature analysis", task["template"]!["name"]!.GetValue<string>());
        Assert.Equal("Feature analysis", version["template"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_validation_task_carries_its_name_whatever_name_the_request_gave()
    {
        var body = TaskBodies.Validation("tname-check", Datasets.SmallFolder(server, "tname-check", 1), "obs://imgs/out-tname-check", createVersion: false)
            .Replace("\"id\": \"sys_data_validation\",", "\"id\": \"sys_data_validation\", \"name\": \"mine\",", StringComparison.Ordinal);
        var taskId = await server.Client.CreateTaskAsync(body);

        var task = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json;

        Assert.Equal("Data validation", task["template"]!["name"]!.GetValue<string>());
    }
}
