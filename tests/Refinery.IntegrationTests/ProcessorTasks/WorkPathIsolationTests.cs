using System.Net;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.ProcessorTasks;

/// <summary>A work path is compared with the inputs by where it really leads, so no alias publishes into an input.</summary>
[Collection(ServerCollection.Name)]
public sealed class WorkPathIsolationTests(RefineryInstance server)
{
    [Fact]
    public async Task A_work_path_through_an_alias_of_the_input_folder_is_400_4205_at_creation()
    {
        var input = Datasets.SmallFolder(server, "iso-alias/in", 1);
        Directory.CreateSymbolicLink(Path.Combine(server.ImagesDirectory, "iso-alias", "link"), "in");

        var response = await server.Client.PostAsync(server.Client.Tasks, TaskBodies.Validation("iso-alias", input, "obs://imgs/iso-alias/link/out"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.4205", response.ErrorCode);
    }

    [Fact]
    public async Task An_input_reached_through_an_alias_of_the_work_path_folder_is_400_4205_at_creation()
    {
        Datasets.SmallFolder(server, "iso-alias-in/real", 1);
        Directory.CreateSymbolicLink(Path.Combine(server.ImagesDirectory, "iso-alias-in", "alias"), "real");

        var response = await server.Client.PostAsync(server.Client.Tasks, TaskBodies.Validation("iso-alias-in", "obs://imgs/iso-alias-in/alias", "obs://imgs/iso-alias-in/real"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.4205", response.ErrorCode);
    }

    [Fact]
    public async Task A_work_path_through_a_link_leading_outside_the_root_is_400_at_creation_not_at_publish()
    {
        var input = Datasets.SmallFolder(server, "iso-escape/in", 1);
        var outside = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"refinery-escape-{Guid.NewGuid():N}")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(server.ImagesDirectory, "iso-escape", "out"), outside);
        try
        {
            var response = await server.Client.PostAsync(server.Client.Tasks, TaskBodies.Validation("iso-escape", input, "obs://imgs/iso-escape/out/x"));

            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal("ModelArts.4313", response.ErrorCode);
            Assert.DoesNotContain(outside, response.ErrorMessage, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task A_dataset_work_path_equal_to_the_input_folder_is_400_4205_at_creation()
    {
        var input = Datasets.SmallFolder(server, "iso-ds/in", 2);
        var dataset = await server.Client.CreateDatasetAsync("iso-ds", input, "/imgs/iso-ds/work/");
        var datasetId = dataset["dataset_id"]!.GetValue<string>();

        var response = await server.Client.PostAsync(server.Client.Tasks, $$"""
            { "name": "iso-ds", "create_version": true,
              "inputs": [ { "type": "OBS", "source": "obs://imgs/iso-ds/work" } ],
              "work_path": { "type": "DATASET", "path": "{{datasetId}}" },
              "template": { "id": "sys_data_validation", "operator_params": [ { "name": "MetaValidation", "params": { "task_type": "image_classification" } } ] } }
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.4205", response.ErrorCode);
    }

    [Fact]
    public async Task A_dataset_whose_work_path_is_an_alias_of_its_data_is_400_4205_at_creation()
    {
        var input = Datasets.SmallFolder(server, "iso-ds-alias/data", 1);
        Directory.CreateSymbolicLink(Path.Combine(server.ImagesDirectory, "iso-ds-alias", "work"), "data");

        var response = await server.Client.PostAsync(server.Client.Datasets, $$"""
            { "dataset_name": "iso-ds-alias", "dataset_type": 0, "work_path": "/imgs/iso-ds-alias/work/",
              "data_sources": [ { "data_type": 0, "data_path": "{{input}}" } ] }
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.4205", response.ErrorCode);
    }
}
