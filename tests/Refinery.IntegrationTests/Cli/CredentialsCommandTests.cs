using System.Net;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Cli;

/// <summary><c>refinery credentials …</c>, run as the real executable on a data directory that a real server then serves.</summary>
public sealed class CredentialsCommandTests : IDisposable
{
    private readonly ServeSandbox _sandbox = new();

    private string DataDirectory => _sandbox.DataDirectory;

    [Fact]
    public async Task A_user_made_by_the_cli_signs_in_with_the_password_for_a_token_of_its_project()
    {
        var user = await RefineryCli.RunAsync(
            new CliEnvironment(new Dictionary<string, string>(), StandardInput: "s3cret-pass\n"),
            "credentials", "user", "create", "--name", "bob", "--password-stdin", "--data-dir", DataDirectory);
        Assert.True(user.ExitCode == 0, user.ToString());
        var (projectId, _) = ServeProcess.ReadCredentials(DataDirectory);
        Assert.Equal(projectId, CredentialOutput.ProjectId(user.StandardOutput));

        using var serve = await _sandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };
        using var wrong = await IamSignIn.PostAsync(http, "bob", "not-the-pass", $$"""{ "id": "{{projectId}}" }""");
        using var right = await IamSignIn.PostAsync(http, "bob", "s3cret-pass", $$"""{ "id": "{{projectId}}" }""");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await CredentialOutput.ListTasksStatusAsync(http, projectId, Assert.Single(right.Headers.GetValues("X-Subject-Token"))));
    }

    [Fact]
    public async Task A_token_and_an_access_key_made_by_the_cli_belong_to_the_project()
    {
        var token = await RefineryCli.RunAsync("credentials", "token", "create", "--data-dir", DataDirectory);
        var key = await RefineryCli.RunAsync("credentials", "access-key", "create", "--data-dir", DataDirectory);
        Assert.True(token.ExitCode == 0, token.Output);
        Assert.True(key.ExitCode == 0, key.Output);
        var (projectId, firstToken) = ServeProcess.ReadCredentials(DataDirectory);
        var newToken = CredentialOutput.Token(token.Output);

        using var serve = await _sandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };

        Assert.NotEqual(firstToken, newToken);
        Assert.Equal(HttpStatusCode.OK, await CredentialOutput.ListTasksStatusAsync(http, projectId, newToken));
        Assert.Matches($"project_id: {projectId}", key.Output);
        Assert.Matches("AK: [A-Z0-9]{20}", key.Output);
    }

    [Fact]
    public async Task An_unknown_project_a_short_password_or_no_way_to_ask_for_one_is_refused_with_exit_code_1_and_the_reason()
    {
        var unknown = await RefineryCli.RunAsync("credentials", "token", "create", "--project", "0123456789abcdef0123456789abcdef", "--data-dir", DataDirectory);
        var shortPassword = await RefineryCli.RunAsync(
            new CliEnvironment(new Dictionary<string, string>(), StandardInput: "short\n"),
            "credentials", "user", "create", "--name", "carol", "--password-stdin", "--data-dir", DataDirectory);
        var noTerminal = await RefineryCli.RunAsync(
            new CliEnvironment(new Dictionary<string, string>(), StandardInput: "typed-into-a-pipe\n"),
            "credentials", "user", "create", "--name", "dave", "--data-dir", DataDirectory);

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("There is no project", unknown.Output, StringComparison.Ordinal);
        Assert.Equal(1, shortPassword.ExitCode);
        Assert.Contains("at least 8 characters", shortPassword.Output, StringComparison.Ordinal);
        Assert.Equal(1, noTerminal.ExitCode);
        Assert.Contains("--password-stdin", noTerminal.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _sandbox.Dispose();
}
