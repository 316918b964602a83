using System.Net;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Conformance;

/// <summary>The documented analysis request (Part B §3.1): the dataset in <c>data_source</c>, its version in the top-level <c>version_id</c>.</summary>
[Collection(ServerCollection.Name)]
public sealed class DatasetVersionAnalysisTests(RefineryInstance server)
{
    [Fact]
    public async Task The_top_level_version_id_picks_the_version_analysed_and_where_the_result_is_recorded()
    {
        // V001 holds 4 samples; validation drops the truncated one and publishes V002 (3 samples), the current version.
        var (datasetId, v1, v2) = await TwoVersionsAsync("anver");

        var taskId = await server.Client.CreateTaskAsync($$"""
            { "name": "anver-analyse", "description": "",
              "data_source": { "type": "DATASET", "source": "{{datasetId}}" },
              "template": { "id": "sys_data_analyse",
                            "operator_params": [ { "id": "sys_data_analyse", "params": { "op_list": [] } } ] },
              "version_id": "{{v1}}" }
            """);
        await server.Client.WaitForCompletionAsync(taskId, await server.Client.LatestVersionIdAsync(taskId));

        var task = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json;
        Assert.Equal(4, task["result"]!["sample_count"]!.GetValue<int>());
        Assert.Equal(v1, task["version_id"]!.GetValue<string>());
        Assert.Equal("V001", task["version_name"]!.GetValue<string>());
        Assert.Equal(v1, task["data_source"]!["version_id"]!.GetValue<string>());
        var analysed = (await server.Client.GetAsync($"{server.Client.Datasets}/{datasetId}/versions/{v1}")).Json;
        Assert.Equal(2, analysed["analysis_status"]!.GetValue<int>());
        Assert.Equal(taskId, analysed["analysis_task_id"]!.GetValue<string>());
        Assert.Equal(4, analysed["data_analysis"]!["sample_count"]!.GetValue<int>());
        var other = (await server.Client.GetAsync($"{server.Client.Datasets}/{datasetId}/versions/{v2}")).Json;
        Assert.Equal(0, other["analysis_status"]!.GetValue<int>());
        Assert.Null(other["analysis_task_id"]);
        var byVersion = await server.Client.GetAsync($"{server.Client.Tasks}?source_type=DATASET&source={datasetId}&version_id={v1}&task_type=sys_data_analyse");
        Assert.Equal([taskId], byVersion.Json["tasks"]!.AsArray().Select(t => t!["task_id"]!.GetValue<string>()));
        Assert.Equal(0, (await server.Client.GetAsync($"{server.Client.Tasks}?task_type=sys_data_analyse&version_id={v2}")).Json["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_top_level_version_id_on_a_new_task_version_picks_the_dataset_version_that_run_reads()
    {
        var (datasetId, v1, v2) = await TwoVersionsAsync("anrerun");
        var taskId = await server.Client.CreateTaskAsync(AnalysisBody("anrerun-analyse", datasetId, v1));
        await server.Client.WaitForCompletionAsync(taskId, await server.Client.LatestVersionIdAsync(taskId));

        var created = await server.Client.PostAsync($"{server.Client.Tasks}/{taskId}/versions", $$"""{ "name": "anrerun-analyse", "version_id": "{{v2}}" }""");

        Assert.True(created.Status == HttpStatusCode.OK, created.Raw);
        await server.Client.WaitForCompletionAsync(taskId, await server.Client.LatestVersionIdAsync(taskId));
        var task = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json;
        Assert.Equal(3, task["result"]!["sample_count"]!.GetValue<int>());
        var analysed = (await server.Client.GetAsync($"{server.Client.Datasets}/{datasetId}/versions/{v2}")).Json;
        Assert.Equal(3, analysed["data_analysis"]!["sample_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_new_version_with_a_new_analysis_template_detects_the_task_type_again()
    {
        server.WriteImage("anretemplate/a.jpg", TestImages.Jpeg(200, 150, seed: 5));
        server.WriteImage("anretemplate/a.xml", System.Text.Encoding.UTF8.GetBytes(TestImages.Voc("a.jpg", 200, 150, ("cat", 20, 20, 120, 100))));
        const string Template = """{ "id": "sys_data_analyse", "operator_params": [ { "id": "sys_data_analyse", "params": { "op_list": [] } } ] }""";
        var taskId = await server.Client.CreateTaskAsync($$"""
            { "name": "anretemplate", "data_source": { "type": "OBS", "source": "obs://imgs/anretemplate" }, "template": {{Template}} }
            """);
        await server.Client.WaitForCompletionAsync(taskId, await server.Client.LatestVersionIdAsync(taskId));

        var created = await server.Client.PostAsync($"{server.Client.Tasks}/{taskId}/versions", $$"""{ "name": "anretemplate", "template": {{Template}} }""");

        Assert.True(created.Status == HttpStatusCode.OK, created.Raw);
        var versionId = created.Json["version_id"]!.GetValue<string>();
        var version = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}/versions/{versionId}")).Json;
        Assert.Equal("object_detection", version["template"]!["operator_params"]![0]!["params"]!["task_type"]!.GetValue<string>());
        await server.Client.WaitForCompletionAsync(taskId, versionId);
    }

    [Fact]
    public async Task A_dataset_version_analysis_reports_its_files_under_annotation_evaluation()
    {
        var (datasetId, v1, _) = await TwoVersionsAsync("anfile");

        var taskId = await server.Client.CreateTaskAsync(AnalysisBody("anfile-analyse", datasetId, v1));

        var task = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json;
        var parameters = task["template"]!["operator_params"]![0]!["params"]!;
        Assert.EndsWith($"/dataset-{datasetId}/annotation/V001/V001.manifest", parameters["manifest_path"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith($"/dataset-{datasetId}/annotation/evaluation/V001", parameters["file_path"]!.GetValue<string>(), StringComparison.Ordinal);
        await server.Client.WaitForCompletionAsync(taskId, await server.Client.LatestVersionIdAsync(taskId));
    }

    [Fact]
    public async Task A_top_level_version_id_that_does_not_exist_is_400_4353()
    {
        Datasets.SmallFolder(server, "anghost/raw", 1);
        var datasetId = (await server.Client.CreateDatasetAsync("anghost-ds", "obs://imgs/anghost/raw", "/imgs/anghost/work/"))["dataset_id"]!.GetValue<string>();
        await server.Client.PostAsync($"{server.Client.Datasets}/{datasetId}/versions", "{}");

        var response = await server.Client.PostAsync(server.Client.Tasks, AnalysisBody("anghost-analyse", datasetId, "AAAAAAAAAAAAAAAAAAA"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.4353", response.ErrorCode);
        Assert.Equal(0, (await server.Client.GetAsync($"{server.Client.Tasks}?task_name=anghost-analyse")).Json["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_top_level_version_id_that_contradicts_the_sources_own_is_400_naming_both()
    {
        var (datasetId, v1, v2) = await TwoVersionsAsync("anclash");

        var response = await server.Client.PostAsync(server.Client.Tasks, $$"""
            { "name": "anclash-analyse", "data_source": { "type": "DATASET", "source": "{{datasetId}}", "version_id": "{{v2}}" },
              "template": { "id": "sys_data_analyse", "operator_params": [ { "id": "sys_data_analyse", "params": { "op_list": [] } } ] },
              "version_id": "{{v1}}" }
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ModelArts.0101", response.ErrorCode);
        Assert.Contains(v1, response.Raw, StringComparison.Ordinal);
        Assert.Contains(v2, response.Raw, StringComparison.Ordinal);
    }

    private static string AnalysisBody(string name, string datasetId, string versionId) => $$"""
        { "name": "{{name}}", "description": "",
          "data_source": { "type": "DATASET", "source": "{{datasetId}}" },
          "template": { "id": "sys_data_analyse", "operator_params": [ { "id": "sys_data_analyse", "params": { "op_list": [] } } ] },
          "version_id": "{{versionId}}" }
        """;

    /// <summary>A dataset whose V001 has 4 samples and whose current V002 (published by a validation) has 3.</summary>
    private async Task<(string DatasetId, string V1, string V2)> TwoVersionsAsync(string prefix)
    {
        server.WriteImage($"{prefix}/raw/a.jpg", TestImages.Jpeg(120, 90, 1));
        server.WriteImage($"{prefix}/raw/b.jpg", TestImages.Jpeg(100, 80, 2));
        server.WriteImage($"{prefix}/raw/c.jpg", TestImages.Jpeg(140, 100, 3));
        server.WriteImage($"{prefix}/raw/d.jpg", TestImages.TruncatedJpeg(300, 200));
        var datasetId = (await server.Client.CreateDatasetAsync($"{prefix}-ds", $"obs://imgs/{prefix}/raw", $"/imgs/{prefix}/work/"))["dataset_id"]!.GetValue<string>();
        var v1 = (await server.Client.PostAsync($"{server.Client.Datasets}/{datasetId}/versions", "{}")).Json["version_id"]!.GetValue<string>();
        var validation = await server.Client.CreateTaskAsync($$"""
            { "name": "{{prefix}}-check", "create_version": true,
              "inputs": [ { "type": "DATASET", "source": "{{datasetId}}", "version_id": "{{v1}}" } ],
              "work_path": { "type": "DATASET", "path": "{{datasetId}}" },
              "template": { "id": "sys_data_validation", "operator_params": [ { "name": "MetaValidation", "params": { "task_type": "image_classification" } } ] } }
            """);
        var completed = await server.Client.WaitForCompletionAsync(validation, await server.Client.LatestVersionIdAsync(validation));
        var v2 = completed["work_path"]!["version_id"]!.GetValue<string>();
        var current = (await server.Client.GetAsync($"{server.Client.Datasets}/{datasetId}")).Json;
        Assert.Equal(v2, current["current_version_id"]!.GetValue<string>());
        return (datasetId, v1, v2);
    }
}
