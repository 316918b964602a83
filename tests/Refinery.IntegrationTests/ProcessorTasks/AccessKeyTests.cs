using System.Net;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.ProcessorTasks;

/// <summary>AK/SK signed requests, signed the way Huawei's SDKs sign them.</summary>
[Collection(ServerCollection.Name)]
public sealed class AccessKeyTests(RefineryInstance server)
{
    [Fact]
    public async Task A_signed_request_is_served_without_a_token() =>
        await AssertSignedDescriptionUpdateAsync("aksk-update", """{ "description": "signed" }""", "signed");

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
    public async Task A_signed_body_too_large_to_keep_in_memory_reaches_the_endpoint_whole() =>
        await AssertSignedDescriptionUpdateAsync(
            "aksk-large", """{ "description": "padded" """ + new string(' ', 512 * 1024) + "}", "padded");

    [Fact]
    public async Task A_signed_request_that_declares_an_unsigned_payload_is_served_with_its_body() =>
        await AssertSignedDescriptionUpdateAsync("aksk-unsigned", """{ "description": "unsigned" }""", "unsigned", unsignedPayload: true);

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

    /// <summary>Updates a new task's description with a signed PUT of <paramref name="body"/>, then reads it back with a token.</summary>
    private async Task AssertSignedDescriptionUpdateAsync(string name, string body, string expectedDescription, bool unsignedPayload = false)
    {
        var key = await server.CreateAccessKeyAsync(server.ProjectId);
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Validation(
            name, Datasets.SmallFolder(server, name, 1), $"obs://imgs/out-{name}", createVersion: false));

        using var response = await SendSignedAsync(
            HttpMethod.Put, $"/v2/{server.ProjectId}/processor-tasks/{taskId}", body, key.AccessKey, key.SecretKey, unsignedPayload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedDescription, (await server.Client.GetAsync($"{server.Client.Tasks}/{taskId}")).Json["description"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> SendSignedAsync(
        HttpMethod method, string target, string? body, string accessKey, string secretKey, bool unsignedPayload = false)
    {
        using var http = server.NewHttpClient(token: null);
        return await SignedRequests.SendAsync(http, method, target, body, accessKey, secretKey, unsignedPayload);
    }
}
