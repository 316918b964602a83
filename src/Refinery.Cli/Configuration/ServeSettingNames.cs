namespace Refinery.Cli.Configuration;

/// <summary>Every setting <c>serve</c> and <c>worker</c> read (a worker ignores the API's); anything else in a configuration file is a mistake.</summary>
public static class ServeSettingNames
{
    public static readonly ServeSetting DataDirectory = new("--data-dir", "DATA_DIR");
    public static readonly ServeSetting Database = new("--db", "DB");
    public static readonly ServeSetting Urls = new("--urls", "URLS");
    public static readonly ServeSetting StorageRoots = new("--storage-root", "STORAGE_ROOTS");
    public static readonly ServeSetting StorageS3 = new("--storage-s3", "STORAGE_S3");
    public static readonly ServeSetting SignedUrlLifetime = new("--signed-url-lifetime", "SIGNED_URL_LIFETIME");
    public static readonly ServeSetting StagingDirectory = new("--staging-dir", "STAGING_DIR");
    public static readonly ServeSetting StagingS3 = new("--staging-s3", "STAGING_S3");
    public static readonly ServeSetting SigningKeyFile = new("--signing-key-file", "SIGNING_KEY_FILE");
    public static readonly ServeSetting CatalogKeyFile = new("--catalog-key-file", "CATALOG_KEY_FILE");
    public static readonly ServeSetting NoWorkers = new("--no-workers", "NO_WORKERS");
    public static readonly ServeSetting Workers = new("--workers", "WORKERS");
    public static readonly ServeSetting SampleParallelism = new("--sample-parallelism", "SAMPLE_PARALLELISM");
    public static readonly ServeSetting DecodeMemory = new("--decode-memory", "DECODE_MEMORY_MIB");
    public static readonly ServeSetting HealthUrls = new("--health-urls", "HEALTH_URLS");

    public static IReadOnlyList<ServeSetting> All { get; } =
        [DataDirectory, Database, Urls, StorageRoots, StorageS3, StagingDirectory, StagingS3, SignedUrlLifetime, SigningKeyFile, CatalogKeyFile, NoWorkers, Workers, SampleParallelism, DecodeMemory, HealthUrls];
}
