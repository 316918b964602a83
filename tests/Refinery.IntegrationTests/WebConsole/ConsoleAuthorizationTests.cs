using System.Net;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.WebConsole;

/// <summary>The console lets a session see exactly what its token could fetch through the API, and forms need their antiforgery token.</summary>
[Collection(ServerCollection.Name)]
public sealed class ConsoleAuthorizationTests(RefineryInstance server)
{
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

    [Fact]
    public async Task A_session_of_another_project_cannot_open_this_projects_task()
    {
        var input = Datasets.SmallFolder(server, "console-private", count: 1);
        var taskId = await server.Client.CreateTaskAsync(TaskBodies.Analysis("console-private", input));
        var (otherProject, otherToken) = await server.CreateOtherProjectAsync();
        using var session = new ConsoleHttpSession(server.BaseAddress);
        using var signedIn = await session.SignInAsync(otherProject, otherToken);

        using var page = await session.GetAsync($"/console/tasks/{taskId}");
        var list = await (await session.GetAsync("/console")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("console-private", list, StringComparison.Ordinal);
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
}
