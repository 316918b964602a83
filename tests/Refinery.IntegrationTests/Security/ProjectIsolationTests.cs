using System.Net;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Security;

/// <summary>
/// Two projects side by side: project B, by token or by AK/SK, can neither read, list, update, stop, delete nor
/// create into project A's tasks, versions, results, datasets and dataset versions, and cannot forge A's links.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ProjectIsolationTests(RefineryInstance server) : IAsyncLifetime
{
    // xunit makes an instance per test; both projects and their objects are made once and shared.
    private static readonly SemaphoreSlim _setUpOnce = new(1, 1);
    private static World? _world;

    private static readonly string[] _credentials = ["token", "aksk"];

    public static TheoryData<string> Credentials => [.. _credentials];

    /// <summary>Every operation on one of A's objects, with {placeholders} for A's ids.</summary>
    public static TheoryData<string, string, string?> OperationsOnObjects => new()
    {
        { "GET", "processor-tasks/{task}", null },
        { "PUT", "processor-tasks/{task}", """{ "description": "hijacked" }""" },
        { "DELETE", "processor-tasks/{task}", null },
        { "GET", "processor-tasks/{task}/versions", null },
        { "POST", "processor-tasks/{task}/versions", """{ "name": "hijack" }""" },
        { "GET", "processor-tasks/{task}/versions/{version}", null },
        { "DELETE", "processor-tasks/{task}/versions/{version}", null },
        { "GET", "processor-tasks/{task}/versions/{version}/results", null },
        { "POST", "processor-tasks/{task}/versions/{version}/stop", null },
        { "GET", "datasets/{dataset}", null },
        { "DELETE", "datasets/{dataset}", null },
        { "POST", "datasets/{dataset}/versions", """{ "version_name": "HIJACK" }""" },
        { "GET", "datasets/{dataset}/versions", null },
        { "GET", "datasets/{dataset}/versions/{dataset_version}", null },
        { "POST", "processor-tasks", TaskFrom("""{ "type": "TASK", "source": "{task}" }""", """{ "type": "OBS", "path": "obs://imgs/out-isolation-b" }""") },
        { "POST", "processor-tasks", TaskFrom("""{ "type": "DATASET", "source": "{dataset}", "version_id": "{dataset_version}" }""", """{ "type": "OBS", "path": "obs://imgs/out-isolation-b" }""") },
        { "POST", "processor-tasks", TaskFrom("""{ "type": "OBS", "source": "obs://imgs/isolation-b-in" }""", """{ "type": "DATASET", "path": "{dataset}" }""") },
    };

    private static World Projects => _world!;

    public async Task InitializeAsync()
    {
        await _setUpOnce.WaitAsync();
        try
        {
            _world ??= await World.CreateAsync(server);
        }
        finally
        {
            _setUpOnce.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(OperationsOnObjects))]
    public async Task Project_B_reaching_for_an_object_of_A_through_its_own_project_is_told_it_does_not_exist(string method, string route, string? body)
    {
        foreach (var credential in _credentials)
        {
            var response = await SendAsBAsync(credential, method, Projects.ProjectOfB, route, body);

            Assert.True(response.Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{credential} {method} {route}: {(int)response.Status} {response.Raw}");
            Assert.StartsWith("ModelArts.", response.ErrorCode, StringComparison.Ordinal);
            Assert.DoesNotContain("hijack", (await Projects.A.GetAsync(Projects.Fill($"{Projects.A.Tasks}/{{task}}"))).Raw, StringComparison.OrdinalIgnoreCase);
        }

        await Projects.AssertAIntactAsync();
    }

    [Theory]
    [MemberData(nameof(OperationsOnObjects))]
    public async Task Project_B_naming_project_A_in_the_url_is_403_0210(string method, string route, string? body)
    {
        foreach (var credential in _credentials)
        {
            var response = await SendAsBAsync(credential, method, Projects.A.ProjectId, route, body);

            Assert.True(response.Status == HttpStatusCode.Forbidden, $"{credential} {method} {route}: {(int)response.Status} {response.Raw}");
            Assert.Equal("ModelArts.0210", response.ErrorCode);
        }

        await Projects.AssertAIntactAsync();
    }

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task Lists_of_project_B_never_show_an_object_of_A(string credential)
    {
        using var b = Projects.ClientOfB(server, credential);
        var pages = new[]
        {
            await b.GetAsync($"{b.Tasks}?limit=100"),
            await b.GetAsync($"{b.Tasks}?limit=100&task_name=isolation-a"),
            await b.GetAsync($"{b.Tasks}?limit=100&source={Projects.ObjectsOfA.DatasetId}"),
            await b.GetAsync($"{b.Datasets}?limit=100"),
            await b.GetAsync($"{b.Datasets}?limit=100&search_content=isolation-a"),
        };

        foreach (var page in pages)
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            foreach (var id in new[] { Projects.ObjectsOfA.TaskId, Projects.ObjectsOfA.VersionId, Projects.ObjectsOfA.DatasetId, Projects.ObjectsOfA.DatasetVersionId, "isolation-a" })
            {
                Assert.DoesNotContain(id, page.Raw, StringComparison.Ordinal);
            }
        }

        Assert.Contains(Projects.ObjectsOfB.TaskId, pages[0].Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_link_of_B_rewritten_to_an_object_of_A_is_refused()
    {
        var linkOfA = Projects.ObjectsOfA.SignedLink;
        var forged = new UriBuilder(Projects.ObjectsOfB.SignedLink) { Path = linkOfA.AbsolutePath }.Uri;
        using var anonymous = new HttpClient();

        using var response = await anonymous.GetAsync(forged);
        using var genuine = await anonymous.GetAsync(linkOfA);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("ModelArts.0108", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    /// <summary>Sends a request with B's credential to <paramref name="route"/> of <paramref name="urlProject"/>, A's ids filled in.</summary>
    private async Task<ApiResponse> SendAsBAsync(string credential, string method, string urlProject, string route, string? body)
    {
        using var b = Projects.ClientOfB(server, credential);
        return await b.SendAsync(new HttpMethod(method), Projects.Fill($"/v2/{urlProject}/{route}"), body is null ? null : Projects.Fill(body));
    }

    private static string TaskFrom(string input, string workPath) => $$"""
        { "name": "isolation-b-{{input.Length}}-{{workPath.Length}}", "inputs": [ {{input}} ], "work_path": {{workPath}},
          "template": { "id": "sys_data_validation", "operator_params": [ { "name": "MetaValidation", "params": { "task_type": "image_classification" } } ] } }
        """;

    /// <summary>Projects A and B, each with one of everything, and B's credentials.</summary>
    private sealed record World(RefineryApiClient A, ProjectObjects ObjectsOfA, string ProjectOfB, string TokenOfB, string AccessKeyOfB, string SecretKeyOfB, ProjectObjects ObjectsOfB)
    {
        private string? _descriptionOfA;

        public static async Task<World> CreateAsync(RefineryInstance server)
        {
            var (projectA, tokenA) = await server.CreateOtherProjectAsync();
            var a = new RefineryApiClient(server.NewHttpClient(tokenA), projectA);
            var objectsOfA = await ProjectObjects.CreateAsync(server, a, "isolation-a");
            var (projectB, tokenB) = await server.CreateOtherProjectAsync();
            var keyOfB = await server.CreateAccessKeyAsync(projectB);
            using var b = new RefineryApiClient(server.NewHttpClient(tokenB), projectB);
            var objectsOfB = await ProjectObjects.CreateAsync(server, b, "isolation-b");
            Datasets.SmallFolder(server, "isolation-b-in", count: 1);
            return new World(a, objectsOfA, projectB, tokenB, keyOfB.AccessKey, keyOfB.SecretKey, objectsOfB);
        }

        public RefineryApiClient ClientOfB(RefineryInstance server, string credential) => new(
            credential == "token" ? server.NewHttpClient(TokenOfB) : server.NewSignedHttpClient(AccessKeyOfB, SecretKeyOfB), ProjectOfB);

        public string Fill(string text) => text
            .Replace("{task}", ObjectsOfA.TaskId, StringComparison.Ordinal)
            .Replace("{version}", ObjectsOfA.VersionId, StringComparison.Ordinal)
            .Replace("{dataset_version}", ObjectsOfA.DatasetVersionId, StringComparison.Ordinal)
            .Replace("{dataset}", ObjectsOfA.DatasetId, StringComparison.Ordinal);

        /// <summary>Every object of A is still there, unchanged, with its results.</summary>
        public async Task AssertAIntactAsync()
        {
            var task = await A.GetAsync($"{A.Tasks}/{ObjectsOfA.TaskId}");
            Assert.Equal(HttpStatusCode.OK, task.Status);
            _descriptionOfA ??= task.Json["description"]?.ToJsonString();
            Assert.Equal(_descriptionOfA, task.Json["description"]?.ToJsonString());
            Assert.Equal(1, task.Json["version_count"]!.GetValue<int>());
            Assert.Equal(2, (await A.GetAsync($"{A.Tasks}/{ObjectsOfA.TaskId}/versions/{ObjectsOfA.VersionId}")).Json["status"]!.GetValue<int>());
            Assert.Equal(2, (await A.AllResultsAsync(ObjectsOfA.TaskId, ObjectsOfA.VersionId)).Count);
            var versions = await A.GetAsync($"{A.Datasets}/{ObjectsOfA.DatasetId}/versions");
            Assert.Equal(HttpStatusCode.OK, versions.Status);
            Assert.Equal([ObjectsOfA.DatasetVersionId], versions.Json["versions"]!.AsArray().Select(version => version!["version_id"]!.GetValue<string>()));
        }
    }
}
