using System.Net;
using System.Runtime.Versioning;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Refinery.Api.Authentication;
using Refinery.Api.Hosting;
using Refinery.Catalog;
using Refinery.Catalog.Records;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Hosting;

/// <summary>What the data directory gives away to another user, or to someone holding a copy of it.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class SecretsAtRestTests : IDisposable
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "refinery-secrets-" + Guid.NewGuid().ToString("N"));

    private RefineryOptions Options => new()
    {
        DataDirectory = Path.Combine(_root, "data"),
        Urls = "http://127.0.0.1:0",
        RunWorkers = false,
    };

    [Fact]
    public async Task The_data_directory_is_made_owner_only()
    {
        await StartAndStopAsync();

        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(Options.DataDirectory));
    }

    [Fact]
    public async Task A_data_directory_others_could_read_is_made_owner_only_on_start()
    {
        Directory.CreateDirectory(Options.DataDirectory);
        File.SetUnixFileMode(Options.DataDirectory, OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        await StartAndStopAsync();

        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(Options.DataDirectory));
    }

    [Fact]
    public async Task A_secret_key_is_stored_encrypted_under_a_catalog_key_only_its_owner_can_read()
    {
        AccessKeyPair key;
        await using (var app = (await RefineryServer.BuildAsync(Options)).App)
        {
            key = await app.Services.GetRequiredService<CredentialStore>().CreateAccessKeyAsync(
                await DefaultProjectAsync(app), CancellationToken.None);
        }

        Assert.False(CatalogFilesContain(key.SecretKey), "catalog.db holds the secret key in clear");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Options.CatalogKeyPath));
        Assert.Equal(KeyFile.Length, new FileInfo(Options.CatalogKeyPath).Length);
    }

    [Fact]
    public async Task A_secret_key_stored_in_clear_by_an_earlier_version_still_verifies_after_a_restart_and_is_gone_from_the_catalog_file()
    {
        const string LegacyAccessKey = "LEGACYACCESSKEY00000";
        const string LegacySecretKey = "LegacySecretKeyInClear000000000000000000";
        const string OtherAccessKey = "LEGACYACCESSKEY00001";
        const string OtherSecretKey = "OtherLegacySecretKeyInClear0000000000000";
        string projectId;
        await using (var app = (await RefineryServer.BuildAsync(Options)).App)
        {
            projectId = await DefaultProjectAsync(app);
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<CatalogContext>>().CreateDbContextAsync();
            // A second row written after it keeps the first one's old bytes away from the page's free gap, where an
            // update could happen to overwrite them.
            db.AccessKeys.Add(new AccessKeyRecord { AccessKey = LegacyAccessKey, SecretKey = LegacySecretKey, ProjectId = projectId });
            await db.SaveChangesAsync();
            db.AccessKeys.Add(new AccessKeyRecord { AccessKey = OtherAccessKey, SecretKey = OtherSecretKey, ProjectId = projectId });
            await db.SaveChangesAsync();
        }

        Assert.True(CatalogFilesContain(LegacySecretKey), "the legacy row was not written in clear");

        await using (var app = (await RefineryServer.BuildAsync(Options)).App)
        {
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            using var response = await SignedRequests.SendAsync(
                http, HttpMethod.Get, $"/v2/{projectId}/processor-tasks", null, LegacyAccessKey, LegacySecretKey);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await app.StopAsync();
        }

        Assert.False(CatalogFilesContain(LegacySecretKey), "the catalog files still hold the old secret key in clear");
        Assert.False(CatalogFilesContain(OtherSecretKey), "the catalog files still hold the other old secret key in clear");
    }

    [Fact]
    public async Task A_secret_key_sealed_under_a_replaced_catalog_key_is_a_refused_signature_not_a_server_error()
    {
        AccessKeyPair key;
        string projectId;
        await using (var app = (await RefineryServer.BuildAsync(Options)).App)
        {
            projectId = await DefaultProjectAsync(app);
            key = await app.Services.GetRequiredService<CredentialStore>().CreateAccessKeyAsync(projectId, CancellationToken.None);
        }

        File.Delete(Options.CatalogKeyPath); // restored from a backup without its key file, say: a new key is made

        await using (var app = (await RefineryServer.BuildAsync(Options)).App)
        {
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            using var response = await SignedRequests.SendAsync(
                http, HttpMethod.Get, $"/v2/{projectId}/processor-tasks", null, key.AccessKey, key.SecretKey);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("APIGW.0301", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await app.StopAsync();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<string> DefaultProjectAsync(WebApplication app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CatalogContext>>().CreateDbContextAsync();
        return await db.Projects.Select(project => project.ProjectId).SingleAsync();
    }

    private async Task StartAndStopAsync()
    {
        var (app, _) = await RefineryServer.BuildAsync(Options);
        await app.DisposeAsync();
    }

    /// <summary>Whether the catalog database, its write-ahead log or its shared-memory index hold the text's bytes.</summary>
    private bool CatalogFilesContain(string text)
    {
        SqliteConnection.ClearAllPools(); // pooled connections keep the log open; what they wrote must be on disk
        var needle = Encoding.UTF8.GetBytes(text);
        return Directory.GetFiles(Options.DataDirectory, "catalog.db*")
            .Any(path => File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0);
    }
}
