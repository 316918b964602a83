using Npgsql;
using Refinery.Catalog;
using Refinery.Cli.Commands;
using Refinery.Cli.Configuration;
using Refinery.IntegrationTests.Infrastructure;
using Refinery.Storage;

namespace Refinery.IntegrationTests.Cli;

/// <summary>Where <c>serve</c> takes its settings from, and how it refuses a setting it does not know.</summary>
public sealed class ServeConfigurationTests : IDisposable
{
    private const string SharedBucket = "shared=http://127.0.0.1:9000,AK,SK";

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

    [Fact]
    public void A_shared_database_with_staging_in_this_machines_data_directory_is_refused_saying_what_to_pass()
    {
        var result = new ServeSettings { Database = "postgres://refinery:TopSecret@db.example.com/refinery" }.Validate();

        Assert.False(result.Successful);
        Assert.Contains("--staging-s3 (REFINERY_STAGING_S3) s3://NAME/PREFIX", result.Message, StringComparison.Ordinal);
        Assert.Contains("--staging-dir (REFINERY_STAGING_DIR) PATH", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://elsewhere/staging", "names bucket 'elsewhere', which no --storage-s3 gives (the S3 buckets are shared)")]
    [InlineData("s3://shared", "needs a PREFIX after the bucket")]
    [InlineData("s3://shared/a//b", "must look like s3://NAME/PREFIX")]
    public void Staging_in_S3_must_name_a_prefix_of_a_configured_S3_bucket(string staging, string reason)
    {
        var result = new ServeSettings { StorageS3 = [SharedBucket], StagingS3 = staging }.Validate();

        Assert.False(result.Successful);
        Assert.StartsWith("--staging-s3 (REFINERY_STAGING_S3)", result.Message, StringComparison.Ordinal);
        Assert.Contains(reason, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_database_may_stage_under_a_prefix_of_an_S3_bucket()
    {
        var options = new ServeSettings { Database = "postgres://refinery@db.example.com/refinery", StorageS3 = [SharedBucket], StagingS3 = "s3://shared/refinery-staging/" }
            .ResolveOptions();

        Assert.Equal(new ObjectPath("shared", "refinery-staging"), options.StagingObjects);
    }

    [Fact]
    public void A_key_file_that_does_not_exist_is_refused_naming_the_flag()
    {
        var result = new ServeSettings { CatalogKeyFile = Path.Combine(_root.FullName, "missing.key") }.Validate();

        Assert.False(result.Successful);
        Assert.StartsWith("--catalog-key-file (REFINERY_CATALOG_KEY_FILE)", result.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:9090")]
    [InlineData("https://127.0.0.1:9090")]
    [InlineData("http://127.0.0.1:9090/health")]
    public void A_health_address_kestrel_could_not_serve_is_refused_naming_the_flag(string url)
    {
        var result = new WorkerSettings { HealthUrls = url }.Validate();

        Assert.False(result.Successful);
        Assert.StartsWith($"--health-urls (REFINERY_HEALTH_URLS) '{url}' must be an http:// address without a path", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_health_addresses_are_one_semicolon_separated_value()
    {
        var flags = new Dictionary<string, string?> { ["HEALTH_URLS"] = "http://127.0.0.1:9090; http://[::1]:9090" };

        var options = new ServeConfiguration(ConfigurationSources.Build(null, flags)).ToOptions();

        Assert.Equal("http://127.0.0.1:9090;http://[::1]:9090", options.HealthUrls);
    }

    private string WriteConfig(string json)
    {
        var path = Path.Combine(_root.FullName, "refinery.json");
        File.WriteAllText(path, json);
        return path;
    }
}
