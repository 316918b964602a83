using System.Globalization;
using Microsoft.Extensions.Configuration;
using Refinery.Api.Hosting;
using Refinery.Catalog;
using Refinery.Domain;
using Refinery.Engine;
using Refinery.Imaging;
using Refinery.Storage;
using Refinery.Storage.S3;

namespace Refinery.Cli.Configuration;

/// <summary>
/// Reads and validates the settings of <c>serve</c> and <c>worker</c> from their layered configuration; every error
/// names the setting and the value (never a secret key), and says what would be accepted.
/// </summary>
public sealed class ServeConfiguration(IConfiguration configuration)
{
    // S3 refuses presigned URLs that live longer than 7 days.
    private const int MaxSignedUrlLifetimeSeconds = 7 * 24 * 3600;

    /// <summary>The options a process runs with; throws <see cref="ArgumentException"/> naming the first setting that is wrong.</summary>
    public RefineryOptions ToOptions()
    {
        var database = DatabaseUrl();
        var runWorkers = !Flag(ServeSettingNames.NoWorkers);
        if (!runWorkers && database is null)
        {
            throw new ArgumentException(
                $"{ServeSettingNames.NoWorkers.Names} needs {ServeSettingNames.Database.Names}: without a shared PostgreSQL queue no worker process could take the jobs.");
        }

        var roots = StorageRoots();
        var buckets = S3Buckets();
        foreach (var bucket in buckets)
        {
            if (roots.TryGetValue(bucket.Key, out var directory))
            {
                throw new ArgumentException(
                    $"Bucket '{bucket.Key}' is given both as {ServeSettingNames.StorageRoots.Flag} (directory {directory}) and as {ServeSettingNames.StorageS3.Flag} (endpoint {bucket.Value.Endpoint}); give one of them another name.");
            }
        }

        var stagingRoot = Value(ServeSettingNames.StagingDirectory) is { } staging ? Path.GetFullPath(staging) : null;
        var stagingObjects = StagingObjects(buckets);
        RefuseUnsharedStaging(database, stagingRoot, stagingObjects);
        return new RefineryOptions
        {
            DataDirectory = Path.GetFullPath(Value(ServeSettingNames.DataDirectory) ?? "./data"),
            Database = database,
            StagingRoot = stagingRoot,
            StagingObjects = stagingObjects,
            SigningKeyFile = ExistingFile(ServeSettingNames.SigningKeyFile),
            CatalogKeyFile = ExistingFile(ServeSettingNames.CatalogKeyFile),
            Urls = Value(ServeSettingNames.Urls) ?? "http://127.0.0.1:8080",
            HealthUrls = HealthUrls(),
            StorageRoots = roots,
            S3Buckets = buckets,
            SignedUrlLifetime = TimeSpan.FromSeconds(WholeNumber(ServeSettingNames.SignedUrlLifetime, 1, MaxSignedUrlLifetimeSeconds, "seconds") ?? 3600),
            RunWorkers = runWorkers,
            WorkerCount = WholeNumber(ServeSettingNames.Workers, 1, 64, "workers") ?? Math.Max(2, Environment.ProcessorCount),
            Engine = new EngineOptions { SampleParallelism = WholeNumber(ServeSettingNames.SampleParallelism, 1, 256, "samples") ?? Environment.ProcessorCount },
            DecodeMemoryBytes = WholeNumber(ServeSettingNames.DecodeMemory, 16, 1_048_576, "MiB") * 1024L * 1024 ?? DecodeMemoryBudget.DefaultCapacity(),
        };
    }

    /// <summary>The PostgreSQL catalog, checked now so that a typo stops the command before anything starts.</summary>
    private string? DatabaseUrl()
    {
        var text = Value(ServeSettingNames.Database);
        if (text is null)
        {
            return null;
        }

        try
        {
            _ = CatalogDatabase.PostgreSql(text);
            return text;
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"{ServeSettingNames.Database.Names}: {error.Message}", error);
        }
    }

    /// <summary>Staging in a configured S3 bucket, under a prefix of its own so that clearing a version's staging touches nothing else.</summary>
    private ObjectPath? StagingObjects(Dictionary<string, S3StoreOptions> buckets)
    {
        var setting = ServeSettingNames.StagingS3;
        var text = Value(setting);
        if (text is null)
        {
            return null;
        }

        if (Value(ServeSettingNames.StagingDirectory) is not null)
        {
            throw new ArgumentException($"{setting.Names} and {ServeSettingNames.StagingDirectory.Names} both say where staging is: give one of them.");
        }

        ObjectPath root;
        try
        {
            root = StoragePathParser.Parse(setting.Flag, text);
        }
        catch (ModelArtsException error)
        {
            throw new ArgumentException($"{setting.Names} '{text}' must look like s3://NAME/PREFIX: {error.Message}", error);
        }

        if (root.Key.Length == 0)
        {
            throw new ArgumentException($"{setting.Names} '{text}' needs a PREFIX after the bucket (s3://{root.Bucket}/refinery-staging, say): staging must not share a bucket's top level with its objects.");
        }

        return buckets.ContainsKey(root.Bucket)
            ? root
            : throw new ArgumentException(
                $"{setting.Names} '{text}' names bucket '{root.Bucket}', which no {ServeSettingNames.StorageS3.Flag} gives{(buckets.Count == 0 ? "" : $" (the S3 buckets are {string.Join(", ", buckets.Keys)})")}.");
    }

    /// <summary>
    /// Processes sharing a PostgreSQL catalog run each other's shards, so each must reach the staging the others wrote:
    /// the default folder in this machine's data directory cannot be that.
    /// </summary>
    private static void RefuseUnsharedStaging(string? database, string? stagingRoot, ObjectPath? stagingObjects)
    {
        if (database is not null && stagingRoot is null && stagingObjects is null)
        {
            throw new ArgumentException(
                $"{ServeSettingNames.Database.Names} is shared by every serve and worker, but staging would stay in this machine's data directory. "
                + $"Pass {ServeSettingNames.StagingS3.Names} s3://NAME/PREFIX with a {ServeSettingNames.StorageS3.Flag} bucket NAME, "
                + $"or {ServeSettingNames.StagingDirectory.Names} PATH on a filesystem every process mounts.");
        }
    }

    private string? ExistingFile(ServeSetting setting)
    {
        if (Value(setting) is not { } text)
        {
            return null;
        }

        var path = Path.GetFullPath(text);
        return File.Exists(path) ? path : throw new ArgumentException($"{setting.Names} {path}: the file does not exist.");
    }

    /// <summary>The worker's health port, checked now: Kestrel would only fail once the worker had started.</summary>
    private string? HealthUrls()
    {
        var setting = ServeSettingNames.HealthUrls;
        var urls = Values(setting).ToArray();
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp
                || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
            {
                throw new ArgumentException(
                    $"{setting.Names} '{url}' must be an http:// address without a path, such as http://127.0.0.1:9090 (http://0.0.0.0:9090 for every interface).");
            }
        }

        return urls.Length == 0 ? null : string.Join(';', urls);
    }

    private bool Flag(ServeSetting setting) => Value(setting) switch
    {
        null => false,
        var text when bool.TryParse(text, out var value) => value,
        var text => throw new ArgumentException($"{setting.Names} '{text}' must be true or false."),
    };

    private string? Value(ServeSetting setting) => configuration[setting.Key] is { Length: > 0 } value ? value : null;

    /// <summary>
    /// A list setting: one ';'-separated value from the flags or the environment, which wins over the file's, or else
    /// the file's JSON array (or ';'-separated string).
    /// </summary>
    private IEnumerable<string> Values(ServeSetting setting)
    {
        var section = configuration.GetSection(setting.Key);
        return section.Value is { } joined
            ? joined.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(child => child.Value).OfType<string>();
    }

    private int? WholeNumber(ServeSetting setting, int min, int max, string unit)
    {
        var text = Value(setting);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{setting.Names} '{text}' must be a whole number of {unit} from {min} to {max}.");
    }

    private Dictionary<string, string> StorageRoots()
    {
        var roots = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in Values(ServeSettingNames.StorageRoots))
        {
            var separator = spec.IndexOf('=');
            if (separator <= 0 || separator == spec.Length - 1)
            {
                throw new ArgumentException($"{ServeSettingNames.StorageRoots.Names} '{spec}' must look like NAME=PATH.");
            }

            var (name, directory) = (spec[..separator], Path.GetFullPath(spec[(separator + 1)..]));
            if (!Directory.Exists(directory))
            {
                throw new ArgumentException($"{ServeSettingNames.StorageRoots.Names} {name}={directory}: the directory does not exist.");
            }

            roots[name] = directory;
        }

        return roots;
    }

    private Dictionary<string, S3StoreOptions> S3Buckets()
    {
        var setting = ServeSettingNames.StorageS3;
        var buckets = new Dictionary<string, S3StoreOptions>(StringComparer.Ordinal);
        foreach (var spec in Values(setting))
        {
            S3BucketMapping mapping;
            try
            {
                mapping = S3BucketMapping.Parse(spec);
            }
            catch (FormatException error)
            {
                throw new ArgumentException($"{setting.Names}: {error.Message}", error);
            }

            if (!buckets.TryAdd(mapping.Name, mapping.Options))
            {
                throw new ArgumentException($"{setting.Names}: bucket '{mapping.Name}' is given more than once.");
            }
        }

        return buckets;
    }
}
