using Npgsql;
using Refinery.Catalog;
using Refinery.Cli.Commands;
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

    [Theory]
    [InlineData("serve")]
    [InlineData("worker")]
    public async Task Help_lists_the_options_whose_texts_hold_brackets(string command)
    {
        // Spectre reads square brackets in a description as markup: an unescaped one made --help fail.
        var run = await RefineryCli.RunAsync(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--storage-s3", run.Output, StringComparison.Ordinal);
        Assert.Contains("--config", run.Output, StringComparison.Ordinal);
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

    [Fact]
    public void Sample_parallelism_reaches_the_engine_and_defaults_to_the_cores()
    {
        var given = new ServeConfiguration(ConfigurationSources.Build(null, new Dictionary<string, string?> { ["SAMPLE_PARALLELISM"] = "1" })).ToOptions();
        var unset = new ServeConfiguration(ConfigurationSources.Build(null, new Dictionary<string, string?>())).ToOptions();

        Assert.Equal(1, given.Engine.SampleParallelism);
        Assert.Equal(Environment.ProcessorCount, unset.Engine.SampleParallelism);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("257")]
    [InlineData("two")]
    public void A_sample_parallelism_outside_1_to_256_is_refused_naming_the_flag(string value)
    {
        var result = new WorkerSettings { SampleParallelism = value }.Validate();

        Assert.False(result.Successful);
        Assert.Contains($"--sample-parallelism (REFINERY_SAMPLE_PARALLELISM) '{value}' must be a whole number of samples from 1 to 256", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://refinery:TopSecret@db.example.com", "needs a host and a database")]
    [InlineData("Host=db;Pasword=TopSecret", "not one PostgreSQL understands")]
    [InlineData("db.example.com", "postgres://user:password@host:port/database")]
    public void A_db_that_cannot_work_is_refused_naming_db_without_echoing_the_password(string database, string reason)
    {
        var result = new ServeSettings { Database = database }.Validate();

        Assert.False(result.Successful);
        Assert.StartsWith("--db (REFINERY_DB)", result.Message, StringComparison.Ordinal);
        Assert.Contains(reason, result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TopSecret", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_postgres_url_becomes_the_connection_it_names_with_escaped_characters_decoded()
    {
        var database = CatalogDatabase.PostgreSql("postgres://team%40a:p%3Ass@db.example.com:5433/refinery");

        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);

        Assert.Equal(CatalogProvider.PostgreSql, database.Provider);
        Assert.Equal(("db.example.com", 5433, "refinery", "team@a", "p:ss"), (connection.Host, connection.Port, connection.Database, connection.Username, connection.Password));
    }

    [Fact]
    public void No_workers_without_a_shared_database_is_refused_since_no_worker_could_take_the_jobs()
    {
        var result = new ServeSettings { NoWorkers = true }.Validate();

        Assert.False(result.Successful);
        Assert.Contains("--no-workers (REFINERY_NO_WORKERS) needs --db (REFINERY_DB)", result.Message, StringComparison.Ordinal);
    }

    private string WriteConfig(string json)
    {
        var path = Path.Combine(_root.FullName, "refinery.json");
        File.WriteAllText(path, json);
        return path;
    }
}
