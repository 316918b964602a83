using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Conformance;

/// <summary>The list filters ModelArts documents as fuzzy, and paths that name the same objects, match alike.</summary>
[Collection(ServerCollection.Name)]
public sealed class ListFilterTests(RefineryInstance server)
{
    [Theory]
    [InlineData("obs://imgs/filter-src")]
    [InlineData("s3://imgs/filter-src")]
    [InlineData("/imgs/filter-src")]
    [InlineData("obs://imgs/filter-src/")]
    [InlineData("/imgs/filter-src/")]
    public async Task The_source_filter_matches_every_form_of_the_same_path(string filter)
    {
        await CreateOnceAsync("filter-src-task", () => TaskBodies.Validation(
            "filter-src-task", "/imgs/filter-src/", "obs://imgs/out-filter-src", createVersion: false), "filter-src");

        var list = await server.Client.GetAsync($"{server.Client.Tasks}?source_type=OBS&source={Uri.EscapeDataString(filter)}");

        Assert.Equal(["filter-src-task"], list.Json["tasks"]!.AsArray().Select(task => task!["name"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("Filter-Case")]
    [InlineData("FILTER-CASE-TA")]
    [InlineData("case-task")]
    public async Task The_task_name_filter_ignores_case(string filter)
    {
        await CreateOnceAsync("filter-case-task", () => TaskBodies.Validation(
            "filter-case-task", "obs://imgs/filter-case", "obs://imgs/out-filter-case", createVersion: false), "filter-case");

        var list = await server.Client.GetAsync($"{server.Client.Tasks}?task_name={filter}");

        Assert.Equal(["filter-case-task"], list.Json["tasks"]!.AsArray().Select(task => task!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_dataset_list_filters_by_type_and_searches_names_ignoring_case()
    {
        Datasets.SmallFolder(server, "dslist/raw", 1);
        await server.Client.CreateDatasetAsync("DsList-Classes", "obs://imgs/dslist/raw", "/imgs/dslist/work0/", datasetType: 0);
        await server.Client.CreateDatasetAsync("dslist-boxes", "obs://imgs/dslist/raw", "/imgs/dslist/work1/", datasetType: 1);

        var detection = await server.Client.GetAsync($"{server.Client.Datasets}?search_content=DSLIST&dataset_type=1");
        var all = await server.Client.GetAsync($"{server.Client.Datasets}?search_content=dsList&sort_by=dataset_name&order=asc");

        Assert.Equal(["dslist-boxes"], detection.Json["datasets"]!.AsArray().Select(d => d!["dataset_name"]!.GetValue<string>()));
        Assert.Equal(1, detection.Json["total_number"]!.GetValue<int>());
        Assert.Equal(2, all.Json["total_number"]!.GetValue<int>());
    }

    private async Task CreateOnceAsync(string name, Func<string> body, string folder)
    {
        if ((await server.Client.GetAsync($"{server.Client.Tasks}?task_name={name}")).Json["count"]!.GetValue<int>() == 0)
        {
            Datasets.SmallFolder(server, folder, 1);
            await server.Client.CreateTaskAsync(body());
        }
    }
}
