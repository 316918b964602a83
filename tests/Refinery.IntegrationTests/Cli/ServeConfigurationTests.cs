using Refinery.Cli.Configuration;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Cli;

/// <summary>Where <c>serve</c> takes its settings from, and how it refuses a setting it does not know.</summary>
public sealed class ServeConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("refinery-config-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task A_misspelt_flag_stops_serve_naming_the_flag()
    {
        var run = await RefineryCli.RunAsync("serve", "--storge-root", $"imgs={_root.FullName}", "--data-dir", Path.Combine(_root.FullName, "data"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("storge-root", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root.FullName, "data")), "serve started despite the unknown flag");
    }

    [Fact]
    public async Task A_misspelt_key_in_the_configuration_file_stops_serve_naming_the_key()
    {
        var file = WriteConfig($$"""{ "storge_roots": ["imgs={{_root.FullName}}"] }""");

        var run = await RefineryCli.RunAsync("serve", "--config", file, "--data-dir", Path.Combine(_root.FullName, "data"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("'storge_roots' is not a setting", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_value_from_the_environment_is_refused_naming_the_flag_and_the_variable()
    {
        var environment = new CliEnvironment(new Dictionary<string, string> { ["REFINERY_WORKERS"] = "0" });

        var run = await RefineryCli.RunAsync(environment, "serve", "--data-dir", Path.Combine(_root.FullName, "data"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--workers (REFINERY_WORKERS) '0' must be a whole number of workers from 1 to 64", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_gives_buckets_and_values_and_a_flag_wins_over_the_file()
    {
        var images = _root.CreateSubdirectory("imgs").FullName;
        var file = WriteConfig($$"""{ "storage_roots": ["imgs={{images}}"], "workers": "3", "urls": "http://127.0.0.1:9999" }""");

        var options = new ServeConfiguration(ConfigurationSources.Build(file, new Dictionary<string, string?> { ["URLS"] = "http://127.0.0.1:7777" }))
            .ToOptions();

        Assert.Equal(images, options.StorageRoots["imgs"]);
        Assert.Equal(3, options.WorkerCount);
        Assert.Equal("http://127.0.0.1:7777", options.Urls);
    }

    private string WriteConfig(string json)
    {
        var path = Path.Combine(_root.FullName, "refinery.json");
        File.WriteAllText(path, json);
        return path;
    }
}
