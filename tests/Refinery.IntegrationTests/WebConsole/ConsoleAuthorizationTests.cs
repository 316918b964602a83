using System.Net;
using System.Text.RegularExpressions;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.WebConsole;

/// <summary>The console lets a session see exactly what its token could fetch through the API, and forms need their antiforgery token.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class ConsoleAuthorizationTests(RefineryInstance server)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_page_without_a_session_redirects_to_sign_in()
    {
        using var session = new ConsoleHttpSession(server.BaseAddress);

        using var response = await session.GetAsync("/console/tasks/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/sign-in?return_url=%2Fconsole%2Ftasks%2Fnew", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_in_sets_an_http_only_same_site_strict_cookie_and_opens_the_task_list()
    {
        using var session = new ConsoleHttpSession(server.BaseAddress);

        using var signedIn = await session.SignInAsync(server.ProjectId, server.Token);
        using var list = await session.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), value => value.StartsWith("refinery_console=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(server.Token, cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task A_token_of_another_project_does_not_sign_in_to_this_one()
    {
        var (_, otherToken) = await server.CreateOtherProjectAsync();
        using var session = new ConsoleHttpSession(server.BaseAddress);

        using var refused = await session.SignInAsync(server.ProjectId, otherToken);
        using var list = await session.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("password")]
    public async Task A_session_of_another_project_cannot_open_this_projects_task(string signedInWith)
    {
        var taskName = "console-private-" + signedInWith;
        var taskId = await CreateAnalysisAsync(taskName);
        var (otherProject, otherToken) = await server.CreateOtherProjectAsync();
        using var session = new ConsoleHttpSession(server.BaseAddress);
        using var signedIn = signedInWith == "token"
            ? await session.SignInAsync(otherProject, otherToken)
            : await session.SignInWithPasswordAsync(await CreateUserAsync(otherProject), Password, otherProject);

        using var page = await session.GetAsync($"/console/tasks/{taskId}");
        var list = await (await session.GetAsync("/console")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(taskName, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var session = new ConsoleHttpSession(server.BaseAddress);
        using var signedIn = await session.SignInAsync(server.ProjectId, server.Token);

        using var response = await session.PostFormAsync("/console/tasks/new", new Dictionary<string, string>
        {
            ["template"] = "sys_data_analyse",
            ["name"] = "forged",
            ["source"] = "obs://imgs/anything",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"error_code\":\"ModelArts.0101\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("name")]
    public async Task A_password_sign_in_opens_the_task_list_of_the_users_project(string projectBy)
    {
        var taskName = "console-password-by-" + projectBy;
        await CreateAnalysisAsync(taskName);
        var user = await CreateUserAsync(server.ProjectId);
        using var session = new ConsoleHttpSession(server.BaseAddress);

        using var signedIn = await session.SignInWithPasswordAsync(user, Password, projectBy == "id" ? server.ProjectId : "default", projectBy);
        using var list = await session.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/console", signedIn.Headers.Location!.OriginalString);
        var cookie = Assert.Single(SessionCookies(signedIn));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(taskName, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_an_unknown_user_and_a_user_of_another_project_are_refused_alike()
    {
        var user = await CreateUserAsync(server.ProjectId);
        var (otherProject, _) = await server.CreateOtherProjectAsync();
        var stranger = await CreateUserAsync(otherProject);
        using var session = new ConsoleHttpSession(server.BaseAddress);

        using var wrongPassword = await session.SignInWithPasswordAsync(user, "not the password", server.ProjectId);
        using var unknownUser = await session.SignInWithPasswordAsync("nobody-" + Guid.NewGuid().ToString("N"), Password, server.ProjectId);
        using var otherProjectsUser = await session.SignInWithPasswordAsync(stranger, Password, server.ProjectId);
        using var list = await session.GetAsync("/console");

        HttpResponseMessage[] refusals = [wrongPassword, unknownUser, otherProjectsUser];
        Assert.All(refusals, refused => Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode));
        Assert.All(refusals, refused => Assert.Empty(SessionCookies(refused)));
        var messages = await Task.WhenAll(refusals.Select(async refused => ErrorMessage().Match(await refused.Content.ReadAsStringAsync()).Groups["message"].Value));
        Assert.NotEqual("", Assert.Single(messages.Distinct()));
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
    }

    [Fact]
    public async Task The_password_form_posted_without_its_antiforgery_token_is_refused()
    {
        var user = await CreateUserAsync(server.ProjectId);
        using var session = new ConsoleHttpSession(server.BaseAddress);

        using var forged = await session.PostFormAsync("/console/sign-in?handler=Password", new Dictionary<string, string>
        {
            ["user_name"] = user,
            ["password"] = Password,
            ["project"] = server.ProjectId,
        });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(SessionCookies(forged));
    }

    /// <summary>An analysis of this project over a folder of its own, named <paramref name="name"/>; returns its id.</summary>
    private Task<string> CreateAnalysisAsync(string name) =>
        server.Client.CreateTaskAsync(TaskBodies.Analysis(name, Datasets.SmallFolder(server, name, count: 1)));

    /// <summary>A user of the project with a name no other test uses, since every test shares the server.</summary>
    private async Task<string> CreateUserAsync(string projectId)
    {
        var name = "console-" + Guid.NewGuid().ToString("N");
        await server.CreateUserAsync(name, Password, projectId);
        return name;
    }

    private static IEnumerable<string> SessionCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(value => value.StartsWith("refinery_console=", StringComparison.Ordinal))
            : [];

    [GeneratedRegex("<p class=\"error\" role=\"alert\">(?<message>[^<]*)</p>")]
    private static partial Regex ErrorMessage();
}
