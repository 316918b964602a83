using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Identity;

/// <summary>
/// <c>POST /v3/auth/tokens</c> as a script that logs in to IAM calls it, on a server of its own whose clock the tests
/// move past the token's 24 hours.
/// </summary>
public sealed class PasswordSignInTests : PasswordUserServerTests
{
    [Fact]
    public async Task Signing_in_answers_201_with_the_token_in_X_Subject_Token_valid_for_24_hours()
    {
        using var response = await SignInAsync(UserName, Password, projectScope: $$"""{ "id": "{{Server.ProjectId}}" }""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = Assert.Single(response.Headers.GetValues("X-Subject-Token"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!;
        var issued = DateTimeOffset.Parse(body["issued_at"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var expires = DateTimeOffset.Parse(body["expires_at"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromHours(24), expires - issued);
        Assert.Equal(Server.ProjectId, body["project"]!["id"]!.GetValue<string>());
        Assert.Equal(UserName, body["user"]!["name"]!.GetValue<string>());
        Assert.Equal(["password"], body["methods"]!.AsArray().Select(method => method!.GetValue<string>()));
        using var http = Server.NewHttpClient(token);
        using var tasks = await http.GetAsync($"/v2/{Server.ProjectId}/processor-tasks");
        Assert.Equal(HttpStatusCode.OK, tasks.StatusCode);
    }

    [Fact]
    public async Task The_project_scope_may_name_the_project_instead_of_giving_its_id()
    {
        using var response = await SignInAsync(UserName, Password, projectScope: """{ "name": "default" }""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Server.ProjectId, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!["project"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_is_refused_once_its_24_hours_have_passed()
    {
        using var response = await SignInAsync(UserName, Password, projectScope: $$"""{ "id": "{{Server.ProjectId}}" }""");
        using var http = Server.NewHttpClient(Assert.Single(response.Headers.GetValues("X-Subject-Token")));

        Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        using var before = await http.GetAsync($"/v2/{Server.ProjectId}/processor-tasks");
        Clock.Advance(TimeSpan.FromMinutes(2));
        using var after = await http.GetAsync($"/v2/{Server.ProjectId}/processor-tasks");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("ModelArts.4201", JsonNode.Parse(await after.Content.ReadAsStringAsync())!["error_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_works_only_in_its_own_project()
    {
        var (otherProject, _) = await Server.CreateOtherProjectAsync();
        using var response = await SignInAsync(UserName, Password, projectScope: $$"""{ "id": "{{Server.ProjectId}}" }""");
        using var http = Server.NewHttpClient(Assert.Single(response.Headers.GetValues("X-Subject-Token")));

        using var elsewhere = await http.GetAsync($"/v2/{otherProject}/processor-tasks");

        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal("ModelArts.0210", JsonNode.Parse(await elsewhere.Content.ReadAsStringAsync())!["error_code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(UserName, "wrong password")]
    [InlineData("mallory", Password)]
    public async Task A_wrong_password_or_an_unknown_user_is_the_same_IAM_401(string user, string password)
    {
        using var response = await SignInAsync(user, password, projectScope: $$"""{ "id": "{{Server.ProjectId}}" }""");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Subject-Token"));
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal(401, error["code"]!.GetValue<int>());
        Assert.Equal("Unauthorized", error["title"]!.GetValue<string>());
        Assert.Contains("username or password is wrong", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scoping_to_a_project_the_user_does_not_belong_to_is_401()
    {
        var (otherProject, _) = await Server.CreateOtherProjectAsync();

        using var response = await SignInAsync(UserName, Password, projectScope: $$"""{ "id": "{{otherProject}}" }""");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_body_without_a_project_scope_is_400_naming_it()
    {
        using var http = Server.NewHttpClient(token: null);
        using var response = await http.PostAsync("/v3/auth/tokens", Json("""
            { "auth": { "identity": { "methods": ["password"], "password": { "user": { "name": "alice", "password": "x", "domain": { "name": "d" } } } } } }
            """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal(400, error["code"]!.GetValue<int>());
        Assert.Contains("scope", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SignInAsync(string user, string password, string projectScope)
    {
        using var http = Server.NewHttpClient(token: null);
        return await IamSignIn.PostAsync(http, user, password, projectScope);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
