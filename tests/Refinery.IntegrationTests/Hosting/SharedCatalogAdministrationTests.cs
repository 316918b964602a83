using System.Net;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Hosting;

/// <summary>
/// The administration commands with <c>--db</c>: run on any machine, they write to the PostgreSQL catalog a running
/// server shares, with the keys kept there, so what they make works on that server at once.
/// </summary>
[Collection(PostgresServerCollection.Name)]
public sealed class SharedCatalogAdministrationTests(PostgresRefineryInstance postgres) : IDisposable
{
    // The command's own data directory holds no catalog: with --db it is only where the command may keep local files.
    private readonly DirectoryInfo _elsewhere = Directory.CreateTempSubdirectory("refinery-admin-");

    [Fact]
    public async Task A_project_and_an_access_key_made_with_db_work_on_the_server_sharing_that_catalog()
    {
        var project = await RefineryCli.RunAsync("project", "create", "--name", "shared-team", "--db", postgres.Database, "--data-dir", _elsewhere.FullName);
        Assert.True(project.ExitCode == 0, project.Output);
        var projectId = CredentialOutput.ProjectId(project.Output);
        var key = await RefineryCli.RunAsync(
            "credentials", "access-key", "create", "--project", projectId, "--db", postgres.Database, "--data-dir", _elsewhere.FullName);
        Assert.True(key.ExitCode == 0, key.Output);
        using var http = new HttpClient { BaseAddress = postgres.Server.BaseAddress };

        var byToken = await CredentialOutput.ListTasksStatusAsync(http, projectId, CredentialOutput.Token(project.Output));
        using var bySignature = await SignedRequests.SendAsync(
            http, HttpMethod.Get, $"/v2/{projectId}/processor-tasks", null, CredentialOutput.AccessKey(key.Output), CredentialOutput.SecretKey(key.Output));

        Assert.Equal(HttpStatusCode.OK, byToken);
        Assert.Equal(HttpStatusCode.OK, bySignature.StatusCode);
        Assert.False(File.Exists(Path.Combine(_elsewhere.FullName, "catalog.db")), "the command made a SQLite catalog of its own");
    }

    public void Dispose() => _elsewhere.Delete(recursive: true);
}
