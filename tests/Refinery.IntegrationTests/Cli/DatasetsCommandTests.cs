using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Cli;

/// <summary><c>refinery datasets list|show</c>, run as the real executable against a real server.</summary>
[Collection(ServerCollection.Name)]
public sealed class DatasetsCommandTests(RefineryInstance server)
{
    [Fact]
    public async Task List_and_show_print_a_dataset_the_server_holds()
    {
        var dataset = await server.Client.CreateDatasetAsync("cli-dataset", Datasets.SmallFolder(server, "cli-dataset", 2), "obs://imgs/cli-dataset-work/");
        var datasetId = dataset["dataset_id"]!.GetValue<string>();
        var environment = new CliEnvironment(new Dictionary<string, string>
        {
            ["REFINERY_ENDPOINT"] = server.BaseAddress.ToString(),
            ["REFINERY_PROJECT_ID"] = server.ProjectId,
            ["REFINERY_TOKEN"] = server.Token,
            ["REFINERY_CONFIG"] = Path.Combine(Path.GetTempPath(), "refinery-cli-unused-" + Guid.NewGuid().ToString("N"), "config.json"),
        });

        var list = await RefineryCli.RunAsync(environment, "datasets", "list", "--json");
        var show = await RefineryCli.RunAsync(environment, "datasets", "show", datasetId);
        var missing = await RefineryCli.RunAsync(environment, "datasets", "show", "0123456789abcdef0123456789abcdef");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(JsonNode.Parse(list.StandardOutput)!["datasets"]!.AsArray(), entry => entry!["dataset_id"]!.GetValue<string>() == datasetId);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("cli-dataset", show.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("ModelArts.4352", missing.StandardError, StringComparison.Ordinal);
    }
}
