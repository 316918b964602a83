using System.Net;
using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Security;

/// <summary>
/// Hostile paths in every place a client names one: task inputs, work paths, manifest lines, dataset paths and
/// signed links. Each is refused with a ModelArts error or ends as a per-sample error; none reads, serves, lists
/// or writes the <see cref="OutsideSentinel"/> planted beside the root.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class TraversalTests(RefineryInstance server)
{
    private const string Secret = OutsideSentinel.FolderName;

    // One finished run gives the link every signed-link case tampers with; the cases run one after another.
    private static Task<Uri>? _link;

    public static TheoryData<string> HostileInputs => new()
    {
        $"obs://imgs/../{Secret}",
        $"obs://imgs/%2e%2e/{Secret}",
        $"obs://imgs/%252e%252e/{Secret}",
        $"obs://imgs/..\\{Secret}",
        $"obs://imgs/sub/../../{Secret}",
        $"/imgs/../{Secret}",
        "obs://other-bucket/../imgs",
        $"obs://imgs/a\u0000/../../{Secret}",
        "obs://imgs/" + new string('a', 5000),
        $"obs://imgs/\u2024\u2024/{Secret}",
        $"obs://imgs/\uff0e\uff0e/{Secret}",
        $"obs://imgs/{OutsideSentinel.LinkName}",
        $"obs://imgs/{OutsideSentinel.LinkName}/{OutsideSentinel.FileName}",
        "obs://imgs/traversal-escape.manifest",
    };

    public static TheoryData<string> HostileWorkPaths => new()
    {
        $"obs://imgs/../{Secret}-out",
        $"obs://imgs/%2e%2e/{Secret}-out",
        $"/imgs/..\\..\\{Secret}-out",
        $"obs://imgs/{OutsideSentinel.LinkName}/out",
    };

    public static TheoryData<string, string> HostileDatasetPaths => new()
    {
        { $"obs://imgs/../{Secret}", "/imgs/traversal-ds-work/" },
        { $"obs://imgs/{OutsideSentinel.LinkName}", "/imgs/traversal-ds-work/" },
        { "obs://imgs/traversal-ds-in", $"/imgs/../{Secret}-out/" },
        { "obs://imgs/traversal-ds-in", $"/imgs/{OutsideSentinel.LinkName}/work/" },
    };

    public static TheoryData<string> HostileLinkKeys => new()
    {
        $"../{Secret}/{OutsideSentinel.FileName}",
        $"%2e%2e/{Secret}/{OutsideSentinel.FileName}",
        $"%252e%252e%252f{Secret}%252f{OutsideSentinel.FileName}",
        $"{OutsideSentinel.LinkName}/{OutsideSentinel.FileName}",
        $"..%5c{Secret}%5c{OutsideSentinel.FileName}",
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public async Task A_hostile_input_path_is_refused_or_a_per_sample_error_and_never_reaches_outside_the_root(string source)
    {
        var sentinel = new OutsideSentinel(server);
        WriteEscapingManifest(sentinel);

        var response = await server.Client.PostAsync(server.Client.Tasks, TaskBodies.Validation(
            $"traversal-in-{Guid.NewGuid():N}"[..40], JsonString(source), "obs://imgs/out-traversal-in", taskType: "image_classification"));

        await AssertRefusedOrHarmlessAsync(response, sentinel);
    }

    [Theory]
    [MemberData(nameof(HostileWorkPaths))]
    public async Task A_hostile_work_path_is_refused_or_writes_nothing_outside_the_root(string workPath)
    {
        var sentinel = new OutsideSentinel(server);
        var input = Datasets.SmallFolder(server, "traversal-work-in", count: 1);

        var response = await server.Client.PostAsync(server.Client.Tasks, TaskBodies.Validation(
            $"traversal-work-{Guid.NewGuid():N}"[..40], input, JsonString(workPath), taskType: "image_classification"));

        await AssertRefusedOrHarmlessAsync(response, sentinel);
    }

    [Theory]
    [MemberData(nameof(HostileDatasetPaths))]
    public async Task A_hostile_dataset_path_is_refused_or_imports_nothing_from_outside_the_root(string dataPath, string workPath)
    {
        var sentinel = new OutsideSentinel(server);
        Datasets.SmallFolder(server, "traversal-ds-in", count: 1);

        var response = await server.Client.PostAsync(server.Client.Datasets, $$"""
            { "dataset_name": "traversal-{{Guid.NewGuid():N}}", "work_path": "{{JsonString(workPath)}}",
              "data_sources": [ { "data_type": 0, "data_path": "{{JsonString(dataPath)}}" } ] }
            """);

        if (response.Status == HttpStatusCode.Created)
        {
            var datasetId = response.Json["dataset_id"]!.GetValue<string>();
            var dataset = await WaitForImportAsync(datasetId);
            Assert.DoesNotContain(OutsideSentinel.FileName, dataset.ToJsonString(), StringComparison.Ordinal);
            var version = await server.Client.PostAsync($"{server.Client.Datasets}/{datasetId}/versions", "{}");
            if (version.Status == HttpStatusCode.Created)
            {
                var published = await server.Client.GetAsync($"{server.Client.Datasets}/{datasetId}/versions/{version.Json["version_id"]!.GetValue<string>()}");
                Assert.Equal(0, published.Json["total_sample_count"]?.GetValue<int>() ?? 0);
            }
        }
        else
        {
            AssertModelArtsRefusal(response);
        }

        sentinel.AssertUntouched();
    }

    [Theory]
    [MemberData(nameof(HostileLinkKeys))]
    public async Task A_signed_link_whose_path_is_tampered_to_leave_the_root_is_refused(string key)
    {
        var sentinel = new OutsideSentinel(server);
        var link = await (_link ??= SignedLinkAsync());
        var tampered = new UriBuilder(link) { Path = $"/signed/imgs/{key}" }.Uri;
        using var anonymous = new HttpClient();

        using var response = await anonymous.GetAsync(tampered);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("ModelArts.0108", JsonNode.Parse(body)!["error_code"]!.GetValue<string>());
        Assert.NotEqual(sentinel.Bytes, body);
        sentinel.AssertUntouched();
    }

    private async Task AssertRefusedOrHarmlessAsync(ApiResponse response, OutsideSentinel sentinel)
    {
        if (response.Status != HttpStatusCode.OK)
        {
            AssertModelArtsRefusal(response);
            sentinel.AssertUntouched();
            return;
        }

        var taskId = response.Json["task_id"]!.GetValue<string>();
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        var version = await server.Client.WaitForVersionAsync(taskId, versionId, TimeSpan.FromMinutes(2), 2, 3, 4);
        if (version["status"]!.GetValue<int>() == 2)
        {
            using var anonymous = new HttpClient();
            foreach (var result in await server.Client.AllResultsAsync(taskId, versionId))
            {
                // A sample that names the sentinel may be listed, as an error; its content must never be read or served.
                Assert.True(result["values"] is null || !result.ToJsonString().Contains(OutsideSentinel.FileName, StringComparison.Ordinal), result.ToJsonString());
                foreach (var field in new[] { "signed_origin_source", "signed_new_source" })
                {
                    if (result[field]?.GetValue<string>() is { } link)
                    {
                        using var served = await anonymous.GetAsync(link);
                        Assert.NotEqual(sentinel.Bytes, await served.Content.ReadAsByteArrayAsync());
                    }
                }
            }
        }

        sentinel.AssertUntouched();
    }

    private static void AssertModelArtsRefusal(ApiResponse response)
    {
        Assert.True(response.Status is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{(int)response.Status}: {response.Raw}");
        Assert.StartsWith("ModelArts.", response.ErrorCode, StringComparison.Ordinal);
        Assert.NotEmpty(response.ErrorMessage);
    }

    private void WriteEscapingManifest(OutsideSentinel sentinel)
    {
        var lines = new[]
        {
            $"obs://imgs/../{Secret}/{OutsideSentinel.FileName}",
            $"/imgs/../{Secret}/{OutsideSentinel.FileName}",
            $"obs://imgs/%2e%2e/{Secret}/{OutsideSentinel.FileName}",
            $"obs://imgs/{OutsideSentinel.LinkName}/{OutsideSentinel.FileName}",
            sentinel.FilePath,
            $"file://{sentinel.FilePath}",
        };
        server.WriteImage("traversal-escape.manifest", System.Text.Encoding.UTF8.GetBytes(string.Concat(
            lines.Select(source => $$"""{"source":"{{JsonString(source)}}","usage":"TRAIN"}""" + "\n"))));
    }

    private async Task<JsonNode> WaitForImportAsync(string datasetId)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var dataset = (await server.Client.GetAsync($"{server.Client.Datasets}/{datasetId}")).Json;
            if (dataset["status"]!.GetValue<int>() != 8)
            {
                return dataset;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the import did not finish in 60 s");
            await Task.Delay(100);
        }
    }

    private async Task<Uri> SignedLinkAsync()
    {
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            $"traversal-link-{Guid.NewGuid():N}"[..40], Datasets.SmallFolder(server, "traversal-link-in", count: 1), "obs://imgs/out-traversal-link", taskType: "image_classification"));
        var versionId = await server.Client.LatestVersionIdAsync(taskId);
        await server.Client.WaitForCompletionAsync(taskId, versionId);
        return new Uri((await server.Client.AllResultsAsync(taskId, versionId))[0]["signed_origin_source"]!.GetValue<string>());
    }

    /// <summary>The value escaped for a JSON string literal (backslashes, NUL).</summary>
    private static string JsonString(string value) => System.Text.Json.JsonSerializer.Serialize(value)[1..^1];
}
