using System.Net;
using System.Text;
using Refinery.Api.Authentication;
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
    public async Task A_key_of_another_project_is_403_0210()
    {
        var (otherProject, _) = await server.CreateOtherProjectAsync();
        var key = await server.CreateAccessKeyAsync(otherProject);
        using var response = await SendSignedAsync(HttpMethod.Get, $"/v2/{server.ProjectId}/processor-tasks", null, key.AccessKey, key.SecretKey);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("ModelArts.0210", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendSignedAsync(HttpMethod method, string target, string? body, string accessKey, string secretKey)
    {
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var headers = new RequestHeaderMap();
        headers.Add("Host", server.BaseAddress.Authority);
        headers.Add(SdkDate.HeaderName, SdkDate.ToHeaderValue(DateTimeOffset.UtcNow));
        if (body is not null)
        {
            headers.Add("Content-Type", "application/json");
        }

        var signature = SdkHmacSha256Signer.Sign(SignableRequest.FromRequestTarget(method.Method, target, headers, bytes), accessKey, secretKey);
        using var http = server.NewHttpClient(token: null);
        using var request = new HttpRequestMessage(method, target);
        request.Headers.TryAddWithoutValidation(SdkDate.HeaderName, headers[SdkDate.HeaderName][0]);
        request.Headers.TryAddWithoutValidation("Authorization", signature.AuthorizationHeaderValue);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        return await http.SendAsync(request);
    }
}
