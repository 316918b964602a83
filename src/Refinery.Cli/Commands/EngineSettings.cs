using System.ComponentModel;
using Refinery.Api.Hosting;
using Refinery.Cli.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary>
/// The flags of every process that runs the engine (<c>serve</c>, <c>worker</c>); each setting can also come from a
/// <c>REFINERY_*</c> environment variable or the <c>--config</c> file (flags win, then the environment, then the file).
/// </summary>
public abstract class EngineSettings : DataDirectorySettings
{
    [CommandOption("--config <FILE>")]
    [Description("A JSON file of settings, keyed like the REFINERY_* variables without the prefix (\"urls\", \"storage_roots\": [[\"imgs=/data\"]], \"workers\"…); an unknown key is an error. Env: REFINERY_SERVER_CONFIG.")]
    public string? ConfigFile { get; init; }

    [CommandOption("--storage-root <NAME=PATH>")]
    [Description("Expose directory PATH as bucket NAME (repeatable). Env: REFINERY_STORAGE_ROOTS, ';'-separated.")]
    public string[] StorageRoots { get; init; } = [];

    [CommandOption("--storage-s3 <NAME=SPEC>")]
    [Description("Serve bucket NAME from an S3-compatible server; SPEC is endpoint,access_key,secret_key[[,bucket]] (the remote bucket defaults to NAME). Repeatable. Env: REFINERY_STORAGE_S3, ';'-separated.")]
    public string[] StorageS3 { get; init; } = [];

    [CommandOption("--staging-dir <PATH>")]
    [Description("Where shard files and unpublished output wait; every serve and worker process sharing a --db must reach the same directory (a shared filesystem), or use --staging-s3. Env: REFINERY_STAGING_DIR. Default: DATA_DIR/staging")]
    public string? StagingDirectory { get; init; }

    [CommandOption("--staging-s3 <PATH>")]
    [Description("Keep staging in S3 instead of a directory: s3://NAME/PREFIX, where NAME is a --storage-s3 bucket and PREFIX a folder of it that holds nothing else; every serve and worker process sharing a --db reaches it. Env: REFINERY_STAGING_S3.")]
    public string? StagingS3 { get; init; }

    [CommandOption("--signing-key-file <FILE>")]
    [Description("The key that signs links to local buckets: 32 bytes, or their base64 (openssl rand -base64 32). Give every serve behind one address the same file. Env: REFINERY_SIGNING_KEY_FILE. Default: kept in the shared catalog with --db, else DATA_DIR/signing.key")]
    public string? SigningKeyFile { get; init; }

    [CommandOption("--workers <N>")]
    [Description("Jobs (shards) this process runs at once, 1 to 64; each is parallel over samples inside. Env: REFINERY_WORKERS. Default: the number of cores, at least 2")]
    public string? Workers { get; init; }

    [CommandOption("--sample-parallelism <N>")]
    [Description("Samples each job (shard) processes at once, 1 to 256; with --workers it bounds the cores this process uses (--workers 1 --sample-parallelism 1: one core). Env: REFINERY_SAMPLE_PARALLELISM. Default: the number of cores")]
    public string? SampleParallelism { get; init; }

    [CommandOption("--decode-memory <MIB>")]
    [Description("MiB the decoded pixels of all images in flight may take together (analysis, validation, thumbnails); a decode waits for room, and a larger image is refused. 16 to 1048576. Env: REFINERY_DECODE_MEMORY_MIB. Default: a quarter of the memory available, 64 to 1024")]
    public string? DecodeMemory { get; init; }

    /// <summary>The options to run with; throws <see cref="ArgumentException"/> naming the setting that is wrong.</summary>
    public RefineryOptions ResolveOptions()
    {
        // Flags are handed on joined with ';', the environment's list form, so a ';' inside one would split it.
        foreach (var (setting, values) in new[] { (ServeSettingNames.StorageRoots, StorageRoots), (ServeSettingNames.StorageS3, StorageS3) })
        {
            if (values.Any(value => value.Contains(';', StringComparison.Ordinal)))
            {
                throw new ArgumentException($"{setting.Flag} takes one value per flag: repeat the flag instead of joining the forms with ';'.");
            }
        }

        var flags = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [ServeSettingNames.DataDirectory.Key] = DataDirectory,
            [ServeSettingNames.Database.Key] = Database,
            [ServeSettingNames.StorageRoots.Key] = StorageRoots.Length > 0 ? string.Join(';', StorageRoots) : null,
            [ServeSettingNames.StorageS3.Key] = StorageS3.Length > 0 ? string.Join(';', StorageS3) : null,
            [ServeSettingNames.StagingDirectory.Key] = StagingDirectory,
            [ServeSettingNames.StagingS3.Key] = StagingS3,
            [ServeSettingNames.SigningKeyFile.Key] = SigningKeyFile,
            [ServeSettingNames.CatalogKeyFile.Key] = CatalogKeyFile,
            [ServeSettingNames.Workers.Key] = Workers,
            [ServeSettingNames.SampleParallelism.Key] = SampleParallelism,
            [ServeSettingNames.DecodeMemory.Key] = DecodeMemory,
        };
        AddFlags(flags);
        var given = flags.Where(flag => flag.Value is not null).ToDictionary(StringComparer.OrdinalIgnoreCase);
        return new ServeConfiguration(ConfigurationSources.Build(ConfigFile, given)).ToOptions();
    }

    public override ValidationResult Validate()
    {
        try
        {
            _ = ResolveOptions();
            return ValidationResult.Success();
        }
        catch (ArgumentException error)
        {
            return ValidationResult.Error(error.Message);
        }
    }

    /// <summary>The flags only this command has, by their configuration key.</summary>
    protected abstract void AddFlags(IDictionary<string, string?> flags);
}
