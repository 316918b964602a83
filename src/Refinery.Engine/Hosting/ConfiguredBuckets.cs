using Refinery.Storage;
using Refinery.Storage.S3;

namespace Refinery.Engine.Hosting;

/// <summary>Turns the configured storage roots and S3 buckets into one router over every bucket.</summary>
public static class ConfiguredBuckets
{
    public const string DefaultBucket = "local";

    /// <summary>
    /// One store per bucket: local roots, S3 buckets, and the default <c>local</c> bucket unless one of them takes
    /// its name. Throws <see cref="InvalidOperationException"/> naming the bucket when the configuration cannot work.
    /// </summary>
    public static BucketRouter Create(EngineHostOptions options)
    {
        var stores = new Dictionary<string, IObjectStore>(StringComparer.Ordinal);
        foreach (var (name, directory) in options.StorageRoots)
        {
            stores[name] = new LocalDirectoryStore(name, directory);
        }

        foreach (var (name, s3) in options.S3Buckets)
        {
            if (options.StorageRoots.TryGetValue(name, out var directory))
            {
                throw new InvalidOperationException(
                    $"Bucket '{name}' is configured twice: as the local storage root {directory} and as an S3 bucket at {s3.Endpoint}. Give one of them another name.");
            }

            try
            {
                stores[name] = new S3ObjectStore(name, s3);
            }
            catch (ArgumentException error)
            {
                throw new InvalidOperationException($"S3 bucket '{name}': {error.Message}", error);
            }
        }

        stores.TryAdd(DefaultBucket, new LocalDirectoryStore(DefaultBucket, options.DefaultBucketDirectory));
        return new BucketRouter(stores);
    }
}
