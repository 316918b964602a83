using System.Net;
using System.Security.Cryptography;
using Refinery.Api.Authentication;
using Refinery.Api.Hosting;
using Refinery.IntegrationTests.Infrastructure;
using Refinery.TestSupport;

namespace Refinery.IntegrationTests.Hosting;

/// <summary>
/// Two <c>serve</c> processes on one PostgreSQL catalog, each with its own data directory, as behind a load balancer:
/// each accepts the links and AK/SK pairs of the other, because both keys live in the catalog; a third given key
/// files of its own uses those instead.
/// </summary>
public sealed class SharedSecretsTests(SharedSecretsTests.Servers servers) : IClassFixture<SharedSecretsTests.Servers>
{
    private static readonly byte[] _photo = TestImages.Jpeg(160, 120, 3);

    [Fact]
    public async Task A_link_signed_by_one_serve_opens_on_the_other()
    {
        using var anonymous = new HttpClient();

        var link = await SignedLinkAsync();

        Assert.Equal(_photo, await anonymous.GetByteArrayAsync(On(servers.Second, link)));
    }

    [Fact]
    public async Task A_configured_signing_key_file_wins_over_the_catalogs_key()
    {
        using var anonymous = new HttpClient();

        var link = await SignedLinkAsync();

        using var response = await anonymous.GetAsync(On(servers.WithKeyFiles, link));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_access_key_made_through_one_serve_signs_requests_the_other_accepts()
    {
        var pair = await servers.First.CreateAccessKeyAsync(servers.First.ProjectId);

        var response = await SignedListAsync(servers.Second, pair);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task A_configured_catalog_key_file_wins_over_the_catalogs_key()
    {
        var pair = await servers.First.CreateAccessKeyAsync(servers.First.ProjectId);

        var response = await SignedListAsync(servers.WithKeyFiles, pair);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task Processes_starting_together_on_a_new_catalog_end_with_one_key()
    {
        var options = new RefineryOptions { DataDirectory = servers.DataDirectory("race"), Database = await servers.Cluster.CreateDatabaseAsync() };
        // The schema first: processes racing to create it is the schema migrations' concern, not the keys'.
        await new InstallationSecretSource(options).LoadAsync(options.CatalogKey, CancellationToken.None);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racing = Enumerable.Range(0, 8).Select(async _ =>
        {
            await start.Task;
            return await new InstallationSecretSource(options).LoadAsync(options.SigningKey, CancellationToken.None);
        }).ToList();
        start.SetResult();
        var keys = await Task.WhenAll(racing);

        Assert.Single(keys.Select(Convert.ToHexString).Distinct());
        Assert.False(File.Exists(options.SigningKeyPath), "the key was kept in one machine's data directory");
    }

    /// <summary>A link to an input, signed by the first server in the results of a validation it ran.</summary>
    private async Task<string> SignedLinkAsync()
    {
        var client = servers.First.Client;
        var taskId = await client.CreateTaskAsync(TaskBodies.Validation(
            "shared-" + Guid.NewGuid().ToString("N")[..8], $"obs://imgs/{Servers.Folder}", "obs://imgs/shared-out", taskType: "image_classification"));
        var versionId = await client.LatestVersionIdAsync(taskId);
        await client.WaitForCompletionAsync(taskId, versionId);
        return (await client.AllResultsAsync(taskId, versionId)).Single()["signed_origin_source"]!.GetValue<string>();
    }

    private static Uri On(RefineryInstance server, string link) =>
        new UriBuilder(link) { Port = server.BaseAddress.Port }.Uri;

    private async Task<ApiResponse> SignedListAsync(RefineryInstance server, AccessKeyPair pair)
    {
        using var client = new RefineryApiClient(server.NewSignedHttpClient(pair.AccessKey, pair.SecretKey), servers.First.ProjectId);
        return await client.GetAsync(client.Tasks);
    }

    /// <summary>The PostgreSQL cluster and the three servers the tests share: two on the catalog's keys, one on key files.</summary>
    public sealed class Servers : IAsyncLifetime
    {
        public const string Folder = "shared-in";

        private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("refinery-shared-");

        public PostgresCluster Cluster { get; } = new();

        public RefineryInstance First { get; private set; } = null!;

        public RefineryInstance Second { get; private set; } = null!;

        public RefineryInstance WithKeyFiles { get; private set; } = null!;

        public string DataDirectory(string name) => Path.Combine(_root.FullName, name);

        public async Task InitializeAsync()
        {
            await Cluster.InitializeAsync();
            var database = await Cluster.CreateDatabaseAsync();
            var images = _root.CreateSubdirectory("imgs").FullName;
            Directory.CreateDirectory(Path.Combine(images, Folder));
            File.WriteAllBytes(Path.Combine(images, Folder, "photo.jpg"), _photo);
            var staging = _root.CreateSubdirectory("staging").FullName;
            var signingKeyFile = KeyFileOfRandomBytes("signing.key");
            var catalogKeyFile = KeyFileOfRandomBytes("catalog.key");

            RefineryInstance Sharing(Func<RefineryOptions, RefineryOptions>? more = null) => new(options =>
                (more ?? (same => same))(options with
                {
                    Database = database,
                    StagingRoot = staging,
                    StorageRoots = new Dictionary<string, string> { ["imgs"] = images },
                }));

            First = Sharing();
            await First.InitializeAsync();
            Second = Sharing();
            await Second.InitializeAsync();
            WithKeyFiles = Sharing(options => options with { SigningKeyFile = signingKeyFile, CatalogKeyFile = catalogKeyFile });
            await WithKeyFiles.InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            foreach (var server in new[] { WithKeyFiles, Second, First })
            {
                if (server is not null)
                {
                    await server.DisposeAsync();
                }
            }

            await Cluster.DisposeAsync();
            _root.Delete(recursive: true);
        }

        private string KeyFileOfRandomBytes(string name)
        {
            var path = Path.Combine(_root.FullName, name);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyFile.Length)));
            return path;
        }
    }
}
