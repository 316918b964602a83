using System.Net;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Hosting;

/// <summary><c>refinery project create</c>, run as the real executable against a data directory.</summary>
public sealed class ProjectCreateCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("refinery-project-");

    private string DataDirectory => Path.Combine(_root.FullName, "data");

    [Fact]
    public async Task A_created_project_has_a_working_token_and_is_closed_to_the_default_project()
    {
        var (exitCode, output) = await RefineryCli.RunAsync("project", "create", "--name", "team-b", "--data-dir", DataDirectory);
        Assert.True(exitCode == 0, output);
        var projectId = CredentialOutput.ProjectId(output);
        var token = CredentialOutput.Token(output);
        var (defaultProject, defaultToken) = ServeProcess.ReadCredentials(DataDirectory);

        Directory.CreateDirectory(Path.Combine(_root.FullName, "imgs"));
        using var serve = await ServeProcess.StartAsync(DataDirectory, ServeProcess.FreePort(), $"imgs={Path.Combine(_root.FullName, "imgs")}");
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };
        var own = await CredentialOutput.ListTasksStatusAsync(http, projectId, token);
        var defaultIntoNew = await CredentialOutput.ListTasksStatusAsync(http, projectId, defaultToken);
        var newIntoDefault = await CredentialOutput.ListTasksStatusAsync(http, defaultProject, token);

        Assert.Matches("^[0-9a-f]{32}$", projectId);
        Assert.NotEqual(defaultProject, projectId);
        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Equal(HttpStatusCode.Forbidden, defaultIntoNew);
        Assert.Equal(HttpStatusCode.Forbidden, newIntoDefault);
    }

    [Fact]
    public async Task A_name_already_taken_or_breaking_the_rule_is_refused_with_exit_code_1_and_the_reason()
    {
        var first = await RefineryCli.RunAsync("project", "create", "--name", "team-c", "--data-dir", DataDirectory);
        var again = await RefineryCli.RunAsync("project", "create", "--name", "team-c", "--data-dir", DataDirectory);
        var badName = await RefineryCli.RunAsync("project", "create", "--name", "../team", "--data-dir", DataDirectory);
        var noName = await RefineryCli.RunAsync("project", "create", "--data-dir", DataDirectory);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Output, StringComparison.Ordinal);
        Assert.Equal(1, badName.ExitCode);
        Assert.Contains("letters, digits", badName.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, noName.ExitCode);
        Assert.Contains("--name is required", noName.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
