using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.OpenApi;

/// <summary>
/// <c>/openapi/v1.json</c> against the server that serves it: every mapped route is described, and what the main
/// operations really answer validates against the schemas the description gives them.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class OpenApiDescriptionTests(RefineryInstance server)
{
    /// <summary>
    /// Routes left out of the description on purpose: the guard that keeps "items" from being a task id, the
    /// description's own pages, and the console's HTML pages.
    /// </summary>
    private static readonly string[] _undescribed = ["/v2/{project_id}/processor-tasks/items", "/openapi/", "/docs", "/console"];

    [Fact]
    public async Task Every_mapped_route_is_described_with_a_summary_a_tag_and_its_success_response()
    {
        var document = await DocumentAsync();
        var missing = new List<string>();
        foreach (var endpoint in server.Endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.Replace("**", "", StringComparison.Ordinal).Trim('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            if (endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true)
            {
                Assert.Contains(_undescribed, prefix => pattern.StartsWith(prefix, StringComparison.Ordinal));
                continue;
            }

            Assert.NotEmpty(methods);
            foreach (var method in methods)
            {
                var operation = document.Document["paths"]?[pattern]?[method.ToLowerInvariant()];
                if (operation?["summary"] is null || operation["tags"] is null || operation["responses"]?.AsObject().Count(pair => pair.Key.StartsWith('2')) != 1)
                {
                    missing.Add($"{method} {pattern}");
                }
            }
        }

        Assert.Empty(missing);
        Assert.Equal("3.1.1", document.Document["openapi"]!.GetValue<string>());
    }

    [Fact]
    public async Task Project_routes_name_their_credential_and_their_ModelArts_error_codes()
    {
        var document = await DocumentAsync();

        var getVersion = document.Operation("/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}", "GET");
        var signIn = document.Operation("/v3/auth/tokens", "POST");

        Assert.Contains("ModelArts.4851", getVersion["responses"]!["404"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("ModelArts.0210", getVersion["responses"]!["403"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, getVersion["security"]!.AsArray().Count);
        Assert.Null(signIn["security"]);
        Assert.NotNull(signIn["responses"]!["201"]!["headers"]!["X-Subject-Token"]);
        var versionSchema = document.Document["components"]!["schemas"]!["VersionResponse"]!["properties"]!;
        Assert.Contains("epoch milliseconds", versionSchema["start_time"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("0 initialized", versionSchema["status"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(document.Document["components"]!["securitySchemes"]!["X-Auth-Token"]);
    }

    [Fact]
    public async Task Real_responses_of_the_main_operations_validate_against_their_schemas()
    {
        var document = await DocumentAsync();
        var client = server.Client;
        var created = await client.PostAsync(client.Tasks, TaskBodies.Validation(
            "openapi-run", Datasets.SmallFolder(server, "openapi-run", 2), "obs://imgs/out-openapi-run", taskType: "image_classification"));
        var taskId = created.Json["task_id"]!.GetValue<string>();
        var versionId = await client.LatestVersionIdAsync(taskId);
        await client.WaitForCompletionAsync(taskId, versionId);
        var tasks = "/v2/{project_id}/processor-tasks";
        var version = tasks + "/{task_id}/versions/{version_id}";
        var checks = new List<(string Path, string Method, ApiResponse Response)>
        {
            (tasks, "POST", created),
            (tasks, "GET", await client.GetAsync(client.Tasks)),
            (tasks + "/items", "GET", await client.GetAsync($"{client.Tasks}/items")),
            (tasks + "/{task_id}", "GET", await client.GetAsync($"{client.Tasks}/{taskId}")),
            (tasks + "/{task_id}/versions", "GET", await client.GetAsync($"{client.Tasks}/{taskId}/versions")),
            (version, "GET", await client.GetAsync($"{client.Tasks}/{taskId}/versions/{versionId}")),
            (version + "/results", "GET", await client.GetAsync($"{client.Tasks}/{taskId}/versions/{versionId}/results")),
            (tasks + "/{task_id}", "GET", await client.GetAsync($"{client.Tasks}/AAAAAAAAAAAAAAAAAAA")),
            (version + "/stop", "POST", await client.PostAsync($"{client.Tasks}/{taskId}/versions/{versionId}/stop", null)),
            ("/v2/{project_id}/datasets", "GET", await client.GetAsync(client.Datasets)),
            ("/v3/auth/tokens", "POST", await client.PostAsync("/v3/auth/tokens", IamSignIn.Body("nobody", "nothing-at-all", $$"""{ "id": "{{client.ProjectId}}" }"""))),
            ("/readyz", "GET", await client.GetAsync("/readyz")),
        };

        var failures = checks.SelectMany(check => document.Check(check.Path, check.Method, (int)check.Response.Status, check.Response.Raw)
            .Select(failure => $"{check.Method} {check.Path} {(int)check.Response.Status}: {failure}")).ToList();

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound], checks.Select(check => check.Response.Status).Distinct().Order());
    }

    [Fact]
    public async Task A_response_with_a_field_the_description_lacks_fails_the_check()
    {
        var document = await DocumentAsync();
        var items = (await server.Client.GetAsync($"{server.Client.Tasks}/items")).Json.AsObject();
        items["undocumented_field"] = 1;

        var failures = document.Check("/v2/{project_id}/processor-tasks/items", "GET", 200, items.ToJsonString());

        Assert.NotEmpty(failures);
    }

    [Fact]
    public async Task The_reference_page_at_docs_is_served_with_its_script_without_a_token()
    {
        using var anonymous = server.NewHttpClient(token: null);

        var page = await anonymous.GetStringAsync("/docs");
        var script = ScriptSource().Match(page);

        Assert.Contains("\"url\":\"openapi/v1.json\"", page, StringComparison.Ordinal); // resolved against the site root by the page's script
        Assert.True(script.Success, page);
        using var scriptResponse = await anonymous.GetAsync(new Uri(new Uri(server.BaseAddress, "/docs/"), script.Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, scriptResponse.StatusCode);
    }

    private async Task<OpenApiSchemas> DocumentAsync()
    {
        using var anonymous = server.NewHttpClient(token: null);
        return new OpenApiSchemas(JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!);
    }

    [GeneratedRegex("<script[^>]+src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
