using System.Net;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.ProcessorTasks;

/// <summary>AK/SK signed requests, signed the way Huawei's SDKs sign them.</summary>
[Collection(ServerCollection.Name)]
public sealed class AccessKeyTests(RefineryInstance server)
{
    [Fact]
    public async Task A_signed_request_is_served_without_a_token()
    {
        var key = await server.CreateAccessKeyAsync(server.ProjectId);
        var body = """{ "description": "signed" }""";
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "aksk-update", Datasets.SmallFolder(server, "aksk-update", 1), "obs://imgs/out-aksk", createVersion: false));

        using var response = await SendSignedAsync(HttpMethod.Put, $"/v2/{server.ProjectId}/processor-tasks/{taskId}", body, key.AccessKey, key.SecretKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("signed", (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_signed_get_with_a_query_is_served()
    {
        var key = await server.CreateAccessKeyAsync(server.ProjectId);
        using var response = await SendSignedAsync(HttpMethod.Get, $"/v2/{server.ProjectId}/processor-tasks?limit=5&task_name=my%20task", null, key.AccessKey, key.SecretKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_secret_is_401_APIGW_0301()
    {
        var key = await server.CreateAccessKeyAsync(server.ProjectId);
        using var response = await SendSignedAsync(HttpMethod.Get, $"/v2/{server.ProjectId}/processor-tasks", null, key.AccessKey, "not-the-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("APIGW.0301", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_access_key_is_answered_exactly_as_a_wrong_secret()
    {
        var key = await server.CreateAccessKeyAsync(server.ProjectId);
        var target = $"/v2/{server.ProjectId}/processor-tasks";

        using var wrongSecret = await SendSignedAsync(HttpMethod.Get, target, null, key.AccessKey, "not-the-secret");
        using var unknownKey = await SendSignedAsync(HttpMethod.Get, target, null, "UNKNOWNACCESSKEY0000", key.SecretKey);

        Assert.Equal(HttpStatusCode.Unauthorized, unknownKey.StatusCode);
        Assert.Equal(wrongSecret.StatusCode, unknownKey.StatusCode);
        Assert.Equal(await wrongSecret.Content.ReadAsStringAsync(), await unknownKey.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_body_too_large_to_keep_in_memory_reaches_the_endpoint_whole()
    {
        var key = await server.CreateAccessKeyAsync(server.ProjectId);
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "aksk-large", Datasets.SmallFolder(server, "aksk-large", 1), "obs://imgs/out-aksk-large", createVersion: false));
        var padded = """{ "description": "padded" """ + new string(' ', 512 * 1024) + "}";

        using var response = await SendSignedAsync(HttpMethod.Put, $"/v2/{server.ProjectId}/processor-tasks/{taskId}", padded, key.AccessKey, key.SecretKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("padded", (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_signed_request_that_declares_an_unsigned_payload_is_served_with_its_body()
    {
        var key = await server.CreateAccessKeyAsync(server.ProjectId);
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            "aksk-unsigned", Datasets.SmallFolder(server, "aksk-unsigned", 1), "obs://imgs/out-aksk-unsigned", createVersion: false));

        using var response = await SendSignedAsync(
            HttpMethod.Put, $"/v2/{server.ProjectId}/processor-tasks/{taskId}", """{ "description": "unsigned" }""", key.AccessKey, key.SecretKey, unsignedPayload: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("unsigned", (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_signed_body_over_12_MB_is_413_with_a_ModelArts_error()
    {
        var key = await server.CreateAccessKeyAsync(server.ProjectId);
        var huge = $$"""{ "name": "huge", "description": "{{new string('x', 13 * 1024 * 1024)}}" }""";

        using var response = await SendSignedAsync(HttpMethod.Post, $"/v2/{server.ProjectId}/processor-tasks", huge, key.AccessKey, key.SecretKey);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("ModelArts.0101", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_of_another_project_is_403_0210()
    {
        var (otherProject, _) = await server.CreateOtherProjectAsync();
        var key = await server.CreateAccessKeyAsync(otherProject);
        using var response = await SendSignedAsync(HttpMethod.Get, $"/v2/{server.ProjectId}/processor-tasks", null, key.AccessKey, key.SecretKey);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("ModelArts.0210", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendSignedAsync(
        HttpMethod method, string target, string? body, string accessKey, string secretKey, bool unsignedPayload = false)
    {
        using var http = server.NewHttpClient(token: null);
        return await SignedRequests.SendAsync(http, method, target, body, accessKey, secretKey, unsignedPayload);
    }
}
