using System.Net;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Fuzzing;

/// <summary>
/// Thousands of mutated requests to every route, from a fixed seed so a failure replays the same way. Whatever
/// arrives, the server answers below 500, every refusal is a ModelArts error body, and it still serves a normal
/// request afterwards. The fuzzer works in a project of its own, so the other tests never see what it creates.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ApiFuzzTests(RefineryInstance server)
{
    private const ulong Seed = 20261201;
    private const int RequestCount = 3000;

    [Fact]
    public async Task Mutated_requests_to_every_route_never_get_a_5xx_and_every_refusal_is_a_ModelArts_error()
    {
        var (projectId, token) = await server.CreateOtherProjectAsync();
        var (otherProjectId, otherToken) = await server.CreateOtherProjectAsync();
        using var client = new RefineryApiClient(server.NewHttpClient(token), projectId);
        var objects = await ProjectObjects.CreateAsync(server, client, "fuzz");
        var requests = RequestGenerator.Requests(new FuzzTargets(projectId, token, otherProjectId, otherToken, objects))
            .Sample(RequestCount, new Rnd(Seed), 50);
        using var http = server.NewHttpClient(token: null);

        var failures = new List<string>();
        foreach (var request in requests)
        {
            if (await CheckAsync(http, request) is { } failure)
            {
                failures.Add($"{failure}\n    after {request}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {RequestCount} requests failed; the first:\n{string.Join("\n", failures.Take(8))}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{client.Tasks}/items")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{client.Tasks}?limit=100")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(client.Datasets)).Status);
    }

    /// <summary>What is wrong with the answer to a request, or null when it is as it should be.</summary>
    private static async Task<string?> CheckAsync(HttpClient http, FuzzRequest request)
    {
        using var message = request.ToMessage();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message);
        }
        catch (HttpRequestException error)
        {
            return $"no answer: {error.Message}";
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                return $"{status}: {body}";
            }

            // A HEAD answer has no body by definition; a 2xx answer is the route's own.
            // Password sign-in words its own refusals as IAM does; a method it does not serve is the router's, in ModelArts' words.
            var refusalIsWorded = IsModelArtsError(body) || (IsIdentityRoute(request) && IsIdentityError(body));
            return status is >= 200 and < 300 || request.Method == "HEAD" || refusalIsWorded || IsRejectedByKestrel(request, status, body)
                ? null
                : $"{status} without a ModelArts (or, for sign-in, IAM) error body: '{body}'";
        }
    }

    /// <summary>
    /// Kestrel refuses a path with an encoded NUL while parsing the request line, before any application code runs,
    /// with a bare 400 and a closed connection; no hook lets the server word that refusal.
    /// </summary>
    private static bool IsRejectedByKestrel(FuzzRequest request, int status, string body) =>
        status == 400 && body.Length == 0 && request.PathAndQuery.Split('?')[0].Contains("%00", StringComparison.Ordinal);

    /// <summary>Password sign-in answers as IAM does, in IAM's (Keystone's) error shape, not ModelArts'.</summary>
    private static bool IsIdentityRoute(FuzzRequest request) =>
        request.PathAndQuery.Split('?')[0].TrimEnd('/').Equals("/v3/auth/tokens", StringComparison.Ordinal);

    /// <summary><c>{"error": {"code": 401, "title": "Unauthorized", "message": "…"}}</c>.</summary>
    private static bool IsIdentityError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number
                && error.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String
                && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String && message.GetString()!.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The shape of every ModelArts error (authentication errors carry API Gateway codes such as <c>APIGW.0301</c>).</summary>
    private static bool IsModelArtsError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("error_code", out var code) && code.ValueKind == JsonValueKind.String && code.GetString()!.Length > 0
                && root.TryGetProperty("error_msg", out var text) && text.ValueKind == JsonValueKind.String && text.GetString()!.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
