using System.ComponentModel;
using System.Globalization;
using Refinery.Storage.S3;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary>The options of <c>refinery serve</c>; each falls back to a <c>REFINERY_*</c> environment variable.</summary>
public sealed class ServeSettings : DataDirectorySettings
{
    // S3 refuses presigned URLs that live longer than 7 days.
    private const int MaxSignedUrlLifetimeSeconds = 7 * 24 * 3600;

    [CommandOption("--urls <URL>")]
    [Description("Where to listen. Env: REFINERY_URLS. Default: http://127.0.0.1:8080")]
    public string? Urls { get; init; }

    [CommandOption("--storage-root <NAME=PATH>")]
    [Description("Expose directory PATH as bucket NAME (repeatable). Env: REFINERY_STORAGE_ROOTS, ';'-separated.")]
    public string[] StorageRoots { get; init; } = [];

    [CommandOption("--storage-s3 <NAME=SPEC>")]
    [Description("Serve bucket NAME from an S3-compatible server; SPEC is endpoint,access_key,secret_key[,bucket] (the remote bucket defaults to NAME). Repeatable. Env: REFINERY_STORAGE_S3, ';'-separated.")]
    public string[] StorageS3 { get; init; } = [];

    [CommandOption("--signed-url-lifetime <SECONDS>")]
    [Description("How long the signed links in task results stay valid, 1 to 604800 seconds. Env: REFINERY_SIGNED_URL_LIFETIME. Default: 3600")]
    public string? SignedUrlLifetime { get; init; }

    [CommandOption("--workers <N>")]
    [Description("Jobs (shards) this process runs at once, 1 to 64; each is parallel over samples inside. Env: REFINERY_WORKERS. Default: the number of cores, at least 2")]
    public string? Workers { get; init; }

    [CommandOption("--decode-memory <MIB>")]
    [Description("MiB the decoded pixels of all images in flight may take together (analysis, validation, thumbnails); a decode waits for room, and a larger image is refused. 16 to 1048576. Env: REFINERY_DECODE_MEMORY_MIB. Default: a quarter of the memory available, 64 to 1024")]
    public string? DecodeMemory { get; init; }

    public string ResolvedUrls => Urls ?? Environment.GetEnvironmentVariable("REFINERY_URLS") ?? "http://127.0.0.1:8080";

    public IReadOnlyDictionary<string, string> ResolvedStorageRoots()
    {
        var specs = StorageRoots.Length > 0
            ? StorageRoots
            : (Environment.GetEnvironmentVariable("REFINERY_STORAGE_ROOTS") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var roots = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var separator = spec.IndexOf('=');
            if (separator <= 0 || separator == spec.Length - 1)
            {
                throw new ArgumentException($"--storage-root '{spec}' must look like NAME=PATH.");
            }

            roots[spec[..separator]] = Path.GetFullPath(spec[(separator + 1)..]);
        }

        return roots;
    }

    /// <summary>S3 buckets by name; throws <see cref="ArgumentException"/> saying which value is wrong (never echoing a secret key).</summary>
    public IReadOnlyDictionary<string, S3StoreOptions> ResolvedS3Buckets()
    {
        var fromOption = StorageS3.Length > 0;
        var origin = fromOption ? "--storage-s3" : "REFINERY_STORAGE_S3";
        var specs = fromOption
            ? StorageS3
            : (Environment.GetEnvironmentVariable("REFINERY_STORAGE_S3") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var buckets = new Dictionary<string, S3StoreOptions>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            S3BucketMapping mapping;
            try
            {
                mapping = S3BucketMapping.Parse(spec);
            }
            catch (FormatException error)
            {
                throw new ArgumentException($"{origin}: {error.Message}", error);
            }

            if (!buckets.TryAdd(mapping.Name, mapping.Options))
            {
                throw new ArgumentException($"{origin}: bucket '{mapping.Name}' is given more than once.");
            }
        }

        return buckets;
    }

    public TimeSpan ResolvedSignedUrlLifetime()
    {
        var text = SignedUrlLifetime ?? Environment.GetEnvironmentVariable("REFINERY_SIGNED_URL_LIFETIME");
        if (text is null)
        {
            return TimeSpan.FromHours(1);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= MaxSignedUrlLifetimeSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"--signed-url-lifetime '{text}' must be a whole number of seconds from 1 to {MaxSignedUrlLifetimeSeconds} (7 days).");
    }

    public int ResolvedWorkers()
    {
        var text = Workers ?? Environment.GetEnvironmentVariable("REFINERY_WORKERS");
        if (text is null)
        {
            return Math.Max(2, Environment.ProcessorCount);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var workers) && workers is >= 1 and <= 64
            ? workers
            : throw new ArgumentException($"--workers '{text}' must be a whole number from 1 to 64.");
    }

    /// <summary>The decode memory budget in bytes, or null for the default.</summary>
    public long? ResolvedDecodeMemoryBytes()
    {
        var text = DecodeMemory ?? Environment.GetEnvironmentVariable("REFINERY_DECODE_MEMORY_MIB");
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var mebibytes) && mebibytes is >= 16 and <= 1_048_576
            ? mebibytes * 1024L * 1024
            : throw new ArgumentException($"--decode-memory '{text}' must be a whole number of MiB from 16 to 1048576.");
    }

    public override ValidationResult Validate()
    {
        try
        {
            var roots = ResolvedStorageRoots();
            foreach (var root in roots)
            {
                if (!Directory.Exists(root.Value))
                {
                    return ValidationResult.Error($"--storage-root {root.Key}={root.Value}: the directory does not exist.");
                }
            }

            foreach (var bucket in ResolvedS3Buckets())
            {
                if (roots.TryGetValue(bucket.Key, out var directory))
                {
                    return ValidationResult.Error(
                        $"Bucket '{bucket.Key}' is given both as --storage-root (directory {directory}) and as --storage-s3 (endpoint {bucket.Value.Endpoint}); give one of them another name.");
                }
            }

            _ = ResolvedSignedUrlLifetime();
            _ = ResolvedWorkers();
            _ = ResolvedDecodeMemoryBytes();
        }
        catch (ArgumentException error)
        {
            return ValidationResult.Error(error.Message);
        }

        return ValidationResult.Success();
    }
}
