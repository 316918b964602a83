using System.Globalization;
using Microsoft.Extensions.Configuration;
using Refinery.Api.Hosting;
using Refinery.Catalog;
using Refinery.Engine;
using Refinery.Imaging;
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

        return new RefineryOptions
        {
            DataDirectory = Path.GetFullPath(Value(ServeSettingNames.DataDirectory) ?? "./data"),
            Database = database,
            StagingRoot = Value(ServeSettingNames.StagingDirectory) is { } staging ? Path.GetFullPath(staging) : null,
            Urls = Value(ServeSettingNames.Urls) ?? "http://127.0.0.1:8080",
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
