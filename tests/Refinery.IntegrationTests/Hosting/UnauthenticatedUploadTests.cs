using System.Net;
using System.Text.Json.Nodes;
using Refinery.Api.Authentication;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Hosting;

/// <summary>
/// Uploads that carry no valid credential must cost the real <c>refinery serve</c> process nothing like their size:
/// they are refused before their body is read.
/// </summary>
public sealed class UnauthenticatedUploadTests
{
    private const int Uploads = 300;
    private const long BodyBytes = 12 * 1024 * 1024;
    private const long MaxResidentBytes = 600L * 1024 * 1024;

    [Fact]
    public async Task Three_hundred_concurrent_unauthenticated_12_MB_uploads_are_refused_without_the_server_growing_past_600_MB()
    {
        using var sandbox = new ServeSandbox();
        using var serve = await sandbox.StartAsync();
        var (projectId, token) = ServeProcess.ReadCredentials(sandbox.DataDirectory);
        var target = $"/v2/{projectId}/processor-tasks";
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var answers = await Task.WhenAll(Enumerable.Range(0, Uploads).Select(index =>
            RawUpload.PostAsync(serve.BaseAddress, target, UnauthenticatedHeaders(index), BodyBytes, deadline.Token)));

        var peak = serve.MemoryBytes("VmHWM");
        Assert.True(peak < MaxResidentBytes, $"refinery serve was resident at up to {peak / (1024 * 1024)} MB");
        Assert.All(answers, answer =>
        {
            Assert.Equal(401, answer.Status);
            var error = JsonNode.Parse(answer.Body)!;
            Assert.NotEmpty(error["error_code"]!.GetValue<string>());
            Assert.NotEmpty(error["error_msg"]!.GetValue<string>());
        });
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Auth-Token", token);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(target)).StatusCode);
    }

    /// <summary>In turn: a signature header that does not parse, a well-formed one by an unknown access key, an unknown token.</summary>
    private static Dictionary<string, string> UnauthenticatedHeaders(int index) => (index % 3) switch
    {
        0 => new() { ["Authorization"] = "SDK-HMAC-SHA256 not a signature" },
        1 => new()
        {
            [SdkDate.HeaderName] = SdkDate.ToHeaderValue(DateTimeOffset.UtcNow),
            ["Authorization"] = SdkHmacSha256Signer.AuthorizationHeaderValue("UNKNOWNACCESSKEY0000", "host;x-sdk-date", new string('0', 64)),
        },
        _ => new() { ["X-Auth-Token"] = "not-a-token" },
    };
}
