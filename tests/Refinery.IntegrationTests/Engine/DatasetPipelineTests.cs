using System.Net;
using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;
using Refinery.Storage;

namespace Refinery.IntegrationTests.Engine;

/// <summary>
/// The ModelArts flow end to end: import a folder into a dataset, publish a version, validate it into a new
/// dataset version, and chain an analysis onto the validation task. Run on a local bucket and on an S3 bucket.
/// </summary>
public static class DatasetPipeline
{
    public sealed record Outcome(JsonNode Dataset, JsonNode FirstVersion, JsonNode Validation, JsonNode PublishedVersion, JsonNode Analysis, IReadOnlyList<JsonNode> PublishedManifest);

    /// <summary>Writes 4 images (one truncated) with <paramref name="write"/>, then runs the whole flow through the API.</summary>
    public static async Task<Outcome> RunAsync(RefineryApiClient client, string bucket, string prefix, Func<string, byte[], Task> write, Func<string, Task<string>> read)
    {
        await write($"{prefix}/raw/cat/1.jpg", TestImages.Jpeg(120, 90, 1));
        await write($"{prefix}/raw/cat/2.png", TestImages.GrayPng(100, 80));
        await write($"{prefix}/raw/dog/3.jpg", TestImages.Jpeg(140, 100, 3));
        await write($"{prefix}/raw/dog/4.jpg", TestImages.TruncatedJpeg(300, 200));

        var dataset = await client.CreateDatasetAsync($"{prefix}-ds", $"obs://{bucket}/{prefix}/raw", $"/{bucket}/{prefix}/work/");
        var datasetId = dataset["dataset_id"]!.GetValue<string>();
        Assert.Equal(4, dataset["total_sample_count"]!.GetValue<int>());
        Assert.Equal(4, dataset["annotated_sample_count"]!.GetValue<int>());

        var published = await client.PostAsync($"{client.Datasets}/{datasetId}/versions", """{ "version_name": "V001" }""");
        Assert.True(published.Status == HttpStatusCode.Created, published.Raw);
        var firstVersionId = published.Json["version_id"]!.GetValue<string>();
        var firstVersion = (await client.GetAsync($"{client.Datasets}/{datasetId}/versions/{firstVersionId}")).Json;

        var taskId = await client.CreateTaskAsync($$"""
            { "name": "{{prefix}}-check", "create_version": true,
              "inputs": [ { "type": "DATASET", "source": "{{datasetId}}", "version_id": "{{firstVersionId}}" } ],
              "work_path": { "type": "DATASET", "path": "{{datasetId}}", "version_name": "V002" },
              "template": { "id": "sys_data_validation", "operator_params": [ { "name": "MetaValidation",
                "params": { "task_type": "image_classification", "dataset_type": "manifest" } } ] } }
            """);
        var validation = await client.WaitForCompletionAsync(taskId, await client.LatestVersionIdAsync(taskId));
        var publishedVersionId = validation["work_path"]!["version_id"]!.GetValue<string>();
        var publishedVersion = (await client.GetAsync($"{client.Datasets}/{datasetId}/versions/{publishedVersionId}")).Json;
        var manifestPath = publishedVersion["manifest_path"]!.GetValue<string>();
        var manifest = (await read(manifestPath)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();

        var analysisId = await client.CreateTaskAsync($$"""
            { "name": "{{prefix}}-analyse", "data_source": { "type": "TASK", "source": "{{taskId}}" },
              "template": { "id": "sys_data_analyse", "operator_params": [ { "id": "sys_data_analyse", "params": { "op_list": [] } } ] } }
            """);
        await client.WaitForCompletionAsync(analysisId, await client.LatestVersionIdAsync(analysisId));
        var analysis = (await client.GetAsync($"{client.Tasks}/{analysisId}")).Json;
        return new Outcome(
            (await client.GetAsync($"{client.Datasets}/{datasetId}")).Json, firstVersion, validation, publishedVersion, analysis, manifest);
    }

    public static void AssertOutcome(Outcome outcome, string bucket, string prefix)
    {
        Assert.Equal("V001", outcome.FirstVersion["version_name"]!.GetValue<string>());
        Assert.Equal(4, outcome.FirstVersion["total_sample_count"]!.GetValue<int>());
        Assert.EndsWith("/annotation/V001/V001.manifest", outcome.FirstVersion["manifest_path"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(4, outcome.Validation["origin_sample_count"]!.GetValue<int>());
        Assert.Equal(1, outcome.Validation["deleted_sample_count"]!.GetValue<int>());
        Assert.Equal($"{prefix}-ds", outcome.Validation["inputs"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("V001", outcome.Validation["inputs"]![0]!["version_name"]!.GetValue<string>());
        Assert.Equal("V002", outcome.Validation["work_path"]!["version_name"]!.GetValue<string>());
        Assert.StartsWith($"/{bucket}/{prefix}/work/output/", outcome.Validation["work_path"]!["output_path"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal("V002", outcome.PublishedVersion["version_name"]!.GetValue<string>());
        Assert.True(outcome.PublishedVersion["is_current"]!.GetValue<bool>());
        Assert.True(outcome.PublishedVersion["data_validate"]!.GetValue<bool>());
        Assert.Equal(outcome.FirstVersion["version_id"]!.GetValue<string>(), outcome.PublishedVersion["previous_version_id"]!.GetValue<string>());
        Assert.Equal(3, outcome.PublishedVersion["total_sample_count"]!.GetValue<int>());
        Assert.Equal(outcome.PublishedVersion["version_id"]!.GetValue<string>(), outcome.Dataset["current_version_id"]!.GetValue<string>());
        Assert.Equal(2, outcome.Dataset["dataset_version_count"]!.GetValue<int>());

        Assert.Equal(3, outcome.PublishedManifest.Count);
        Assert.All(outcome.PublishedManifest, line => Assert.True(line["property"]!["@modelarts:data_checked"]!.GetValue<bool>()));
        Assert.Contains(outcome.PublishedManifest, line => line["source"]!.GetValue<string>().EndsWith("/Data/cat/2_checked.png", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.PublishedManifest, line => line["source"]!.GetValue<string>().Contains("/dog/4", StringComparison.Ordinal));

        Assert.Equal(2, outcome.Analysis["status"]!.GetValue<int>());
        Assert.Equal(3, outcome.Analysis["result"]!["sample_count"]!.GetValue<int>());
        Assert.Equal(3, outcome.Analysis["result"]!["analysed_count"]!.GetValue<int>());
    }
}

[Collection(ServerCollection.Name)]
public sealed class DatasetPipelineTests(RefineryInstance server)
{
    [Fact]
    public async Task Import_publish_validate_into_a_new_version_and_chain_an_analysis_on_a_local_bucket()
    {
        var outcome = await DatasetPipeline.RunAsync(
            server.Client,
            "imgs",
            "dspipe",
            (key, bytes) => Task.FromResult(server.WriteImage(key, bytes)),
            path => File.ReadAllTextAsync(Path.Combine(server.ImagesDirectory, path["/imgs/".Length..])));
        DatasetPipeline.AssertOutcome(outcome, "imgs", "dspipe");
    }

    [Fact]
    public async Task Analysing_a_dataset_version_records_the_result_on_that_version()
    {
        Datasets.SmallFolder(server, "dsanalyse/raw", 3);
        var dataset = await server.Client.CreateDatasetAsync("dsanalyse-ds", "obs://imgs/dsanalyse/raw", "/imgs/dsanalyse/work/");
        var datasetId = dataset["dataset_id"]!.GetValue<string>();
        var versionId = (await server.Client.PostAsync($"{server.Client.Datasets}/{datasetId}/versions", "{}")).Json["version_id"]!.GetValue<string>();

        var taskId = await server.Client.CreateTaskAsync($$"""
            { "name": "dsanalyse", "data_source": { "type": "DATASET", "source": "{{datasetId}}" }, "version_id": "{{versionId}}",
              "template": { "id": "sys_data_analyse", "operator_params": [ { "id": "sys_data_analyse", "params": { "op_list": [] } } ] } }
            """);
        await server.Client.WaitForCompletionAsync(taskId, await server.Client.LatestVersionIdAsync(taskId));

        var version = (await server.Client.GetAsync($"{server.Client.Datasets}/{datasetId}/versions/{versionId}")).Json;
        Assert.Equal(2, version["analysis_status"]!.GetValue<int>());
        Assert.Equal(taskId, version["analysis_task_id"]!.GetValue<string>());
        Assert.Equal(3, version["data_analysis"]!["analysed_count"]!.GetValue<int>());
        var task = (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json;
        Assert.Equal(versionId, task["version_id"]!.GetValue<string>());
        Assert.Equal("V001", task["version_name"]!.GetValue<string>());
        var listed = await server.Client.GetAsync($"{server.Client.Tasks}?source_type=DATASET&source={datasetId}&version_id={versionId}&task_type=sys_data_analyse&query_current=true");
        Assert.Equal(1, listed.Json["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Dataset_errors_have_their_codes()
    {
        Datasets.SmallFolder(server, "dserr/raw", 1);
        var dataset = await server.Client.CreateDatasetAsync("dserr-ds", "obs://imgs/dserr/raw", "/imgs/dserr/work/");
        var datasetId = dataset["dataset_id"]!.GetValue<string>();
        await server.Client.PostAsync($"{server.Client.Datasets}/{datasetId}/versions", """{ "version_name": "V001" }""");

        await AssertError(server.Client.PostAsync(server.Client.Datasets, Body("dserr-ds", "obs://imgs/dserr/raw", "/imgs/dserr/work2/")), HttpStatusCode.BadRequest, "ModelArts.4351");
        await AssertError(server.Client.PostAsync(server.Client.Datasets, Body("dserr-nested", "obs://imgs/dserr/raw", "/imgs/dserr/raw/work/")), HttpStatusCode.BadRequest, "ModelArts.4205");
        await AssertError(server.Client.PostAsync(server.Client.Datasets, Body("dserr-slashes", "obs://imgs/dserr//raw", "/imgs/dserr/w3/")), HttpStatusCode.BadRequest, "ModelArts.4315");
        await AssertError(server.Client.PostAsync(server.Client.Datasets, Body("dserr-missing", "obs://imgs/dserr/nothing", "/imgs/dserr/w4/")), HttpStatusCode.BadRequest, "ModelArts.4312");
        await AssertError(server.Client.PostAsync(server.Client.Datasets, Body("bad name!", "obs://imgs/dserr/raw", "/imgs/dserr/w5/")), HttpStatusCode.BadRequest, "ModelArts.0101");
        await AssertError(server.Client.PostAsync($"{server.Client.Datasets}/{datasetId}/versions", """{ "version_name": "V001" }"""), HttpStatusCode.BadRequest, "ModelArts.4371");
        await AssertError(server.Client.GetAsync($"{server.Client.Datasets}/AAAAAAAAAAAAAAAAAAA"), HttpStatusCode.NotFound, "ModelArts.4352");
        await AssertError(server.Client.GetAsync($"{server.Client.Datasets}/{datasetId}/versions/AAAAAAAAAAAAAAAAAAA"), HttpStatusCode.NotFound, "ModelArts.4353");
        await AssertError(server.Client.PostAsync(server.Client.Tasks, $$"""
            { "name": "dserr-ghost", "inputs": [ { "type": "DATASET", "source": "AAAAAAAAAAAAAAAAAAA" } ],
              "work_path": { "type": "OBS", "path": "obs://imgs/dserr/out" },
              "template": { "id": "sys_data_validation", "operator_params": [ { "params": { "task_type": "image_classification" } } ] } }
            """), HttpStatusCode.BadRequest, "ModelArts.4352");
        await AssertError(server.Client.PostAsync(server.Client.Tasks, $$"""
            { "name": "dserr-ghost-version", "inputs": [ { "type": "DATASET", "source": "{{datasetId}}", "version_id": "AAAAAAAAAAAAAAAAAAA" } ],
              "work_path": { "type": "OBS", "path": "obs://imgs/dserr/out" },
              "template": { "id": "sys_data_validation", "operator_params": [ { "params": { "task_type": "image_classification" } } ] } }
            """), HttpStatusCode.BadRequest, "ModelArts.4353");
        await AssertError(server.Client.PostAsync(server.Client.Tasks, $$"""
            { "name": "dserr-taken", "inputs": [ { "type": "DATASET", "source": "{{datasetId}}" } ],
              "work_path": { "type": "DATASET", "path": "{{datasetId}}", "version_name": "V001" },
              "template": { "id": "sys_data_validation", "operator_params": [ { "params": { "task_type": "image_classification" } } ] } }
            """), HttpStatusCode.BadRequest, "ModelArts.4371");

        var list = await server.Client.GetAsync($"{server.Client.Datasets}?search_content=dserr");
        Assert.Equal(1, list.Json["total_number"]!.GetValue<int>());
        var deleted = await server.Client.DeleteAsync($"{server.Client.Datasets}/{datasetId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"{server.Client.Datasets}/{datasetId}")).Status);
    }

    private static string Body(string name, string dataPath, string workPath) => $$"""
        { "dataset_name": "{{name}}", "dataset_type": 0, "work_path": "{{workPath}}", "data_sources": [ { "data_path": "{{dataPath}}" } ] }
        """;

    private static async Task AssertError(Task<ApiResponse> call, HttpStatusCode status, string code)
    {
        var response = await call;
        Assert.True(response.Status == status && response.ErrorCode == code, $"expected {(int)status} {code}, got {(int)response.Status}: {response.Raw}");
    }
}

[Collection(S3ServerCollection.Name)]
public sealed class S3DatasetPipelineTests(S3RefineryInstance instance)
{
    [Fact]
    public async Task The_same_pipeline_with_input_and_output_in_S3()
    {
        var bucket = S3RefineryInstance.S3Bucket;
        var outcome = await DatasetPipeline.RunAsync(
            instance.Server.Client,
            bucket,
            "s3pipe",
            async (key, bytes) =>
            {
                await using var content = new MemoryStream(bytes);
                await instance.Store.WriteAsync(new ObjectPath(bucket, key), content, CancellationToken.None);
            },
            async path =>
            {
                await using var stream = await instance.Store.OpenReadAsync(StoragePathParser.Parse("manifest", path), CancellationToken.None);
                using var reader = new StreamReader(stream);
                return await reader.ReadToEndAsync();
            });
        DatasetPipeline.AssertOutcome(outcome, bucket, "s3pipe");
    }
}
