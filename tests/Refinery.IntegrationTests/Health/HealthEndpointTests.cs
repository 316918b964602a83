using System.Net;
using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Health;

/// <summary><c>/healthz</c> and <c>/readyz</c> over HTTP, without credentials, on a server of their own (they break its storage).</summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private readonly RefineryInstance _server = new(options => options with { RunWorkers = false });

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Healthz_and_readyz_answer_without_a_token_when_everything_is_reachable()
    {
        using var http = _server.NewHttpClient(token: null);

        var live = await GetAsync(http, "/healthz");
        var ready = await GetAsync(http, "/readyz");

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal("ok", live.Json["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("ready", ready.Json["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Readyz_is_503_naming_a_storage_root_that_is_gone_while_healthz_stays_200()
    {
        using var http = _server.NewHttpClient(token: null);
        Directory.Delete(_server.ImagesDirectory, recursive: true);

        var ready = await GetAsync(http, "/readyz");
        var live = await GetAsync(http, "/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("ModelArts.4302", ready.Json["error_code"]!.GetValue<string>());
        Assert.Contains("bucket 'imgs'", ready.Json["error_msg"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("bucket 'local'", ready.Json["error_msg"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.Status);
    }

    [Fact]
    public async Task Readyz_is_503_naming_the_catalog_when_its_tables_cannot_be_read()
    {
        using var http = _server.NewHttpClient(token: null);
        // Gone from under the server: once the pooled connections are closed, a new one opens an empty file
        // without the catalog's tables.
        File.Delete(Path.Combine(_server.DataDirectory, "catalog.db"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var ready = await GetAsync(http, "/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Contains("catalog", ready.Json["error_msg"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonNode Json)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
