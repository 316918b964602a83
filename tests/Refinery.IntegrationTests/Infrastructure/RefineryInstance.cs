using System.Diagnostics;
using System.Net.Http.Headers;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Refinery.Api.Authentication;
using Refinery.Api.Hosting;
using Refinery.Api.Identity;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>
/// A real Refinery server in this process, on a real loopback port, over a temporary data directory with one
/// extra bucket <c>imgs</c>. Tests talk to it over HTTP only.
/// </summary>
public sealed class RefineryInstance : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "refinery-it-" + Guid.NewGuid().ToString("N"));
    private readonly Func<RefineryOptions, RefineryOptions> _configure;
    private WebApplication? _app;

    public RefineryInstance()
        : this(options => options)
    {
    }

    /// <summary>An instance whose options are adjusted (more buckets, shorter link lifetime) before it starts.</summary>
    internal RefineryInstance(Func<RefineryOptions, RefineryOptions> configure)
    {
        _configure = configure;
    }

    public string ImagesDirectory => Path.Combine(_root, "imgs");

    public string DataDirectory => Path.Combine(_root, "data");

    public Uri BaseAddress { get; private set; } = null!;

    public string ProjectId { get; private set; } = "";

    public string Token { get; private set; } = "";

    public RefineryApiClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ImagesDirectory);
        var options = _configure(new RefineryOptions
        {
            DataDirectory = DataDirectory,
            Urls = "http://127.0.0.1:0",
            StorageRoots = new Dictionary<string, string> { ["imgs"] = ImagesDirectory },
        });
        var (app, created) = await RefineryServer.BuildAsync(options);
        _app = app;
        await app.StartAsync();
        BaseAddress = new Uri(app.Urls.First());
        // A catalog that already has a project (an earlier release's, or a shared one another server made) gets no
        // default one: the test brings its own credentials.
        ProjectId = created?.ProjectId ?? "";
        Token = created?.Token ?? "";
        Client = new RefineryApiClient(NewHttpClient(Token), ProjectId);
    }

    public HttpClient NewHttpClient(string? token)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            http.DefaultRequestHeaders.Add("X-Auth-Token", token);
        }

        return http;
    }

    /// <summary>Every route the server has mapped, as its routing sees them.</summary>
    public IReadOnlyList<RouteEndpoint> Endpoints =>
        [.. _app!.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    /// <summary>A client that signs its requests with an AK/SK pair instead of sending a token.</summary>
    public HttpClient NewSignedHttpClient(string accessKey, string secretKey)
    {
        var http = new HttpClient(new SdkHmacSigningHandler(accessKey, secretKey)) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }

    /// <summary>Another project with its own token, made by the same code as <c>refinery project create</c>.</summary>
    public async Task<(string ProjectId, string Token)> CreateOtherProjectAsync()
    {
        var created = await _app!.Services.GetRequiredService<ProjectProvisioner>().CreateAsync("other-" + Guid.NewGuid().ToString("N"), CancellationToken.None);
        return (created.ProjectId, created.Token);
    }

    public Task<AccessKeyPair> CreateAccessKeyAsync(string projectId) =>
        _app!.Services.GetRequiredService<CredentialStore>().CreateAccessKeyAsync(projectId, CancellationToken.None);

    /// <summary>A user who signs in with a password for tokens of the project, made by the same code as <c>refinery credentials user create</c>.</summary>
    public Task CreateUserAsync(string name, string password, string projectId) =>
        _app!.Services.GetRequiredService<PasswordSignIn>().CreateUserAsync(name, password, projectId, CancellationToken.None);

    /// <summary>
    /// Waits until no job is queued or running, so a test can check what a finished worker left behind without
    /// guessing how long the worker takes.
    /// </summary>
    public async Task WaitUntilJobsIdleAsync(TimeSpan timeout)
    {
        var monitoring = _app!.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var clock = Stopwatch.StartNew();
        while (monitoring.ProcessingCount() > 0 || monitoring.Queues().Any(queue => queue.Length > 0))
        {
            Assert.True(clock.Elapsed < timeout, $"jobs were still queued or running after {timeout}");
            await Task.Delay(50);
        }
    }

    /// <summary>Writes a file under the <c>imgs</c> bucket and returns its path relative to the bucket.</summary>
    public string WriteImage(string relativePath, byte[] content)
    {
        var path = Path.Combine(ImagesDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return relativePath;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Client?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a stopping worker; the temp directory is cleaned by the OS.
        }
    }
}
