using Refinery.Storage;
using Refinery.Storage.S3;
using Refinery.TestSupport;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>
/// A Refinery server with, besides the local bucket <c>imgs</c>, the bucket <c>s3imgs</c> kept in a real s3rver,
/// and a <see cref="Clock"/> that tests move past <see cref="LinkLifetime"/> to watch signed links expire.
/// </summary>
public sealed class S3RefineryInstance : IAsyncLifetime
{
    public const string S3Bucket = "s3imgs";

    /// <summary>Long enough that no link expires while a test uses it; shorter than a version's orphan timeout, so moving
    /// the clock past it never makes a running version look abandoned.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(1);

    private S3ObjectStore? _store;

    public S3rverFixture S3 { get; } = new();

    public ShiftedClock Clock { get; } = new();

    public RefineryInstance Server { get; private set; } = null!;

    /// <summary>The <c>s3imgs</c> bucket as the server sees it, for writing inputs and reading outputs.</summary>
    public IObjectStore Store => _store!;

    /// <summary>Where the <c>s3imgs</c> bucket lives, for another server that shares it.</summary>
    public S3StoreOptions BucketOptions { get; private set; } = null!;

    /// <summary>Writes an object of the <c>s3imgs</c> bucket.</summary>
    public Task WriteAsync(string key, byte[] content) =>
        Store.WriteAsync(new ObjectPath(S3Bucket, key), new MemoryStream(content), CancellationToken.None);

    /// <summary>Reads a whole object of the <c>s3imgs</c> bucket.</summary>
    public async Task<byte[]> ReadAsync(string key)
    {
        await using var stream = await Store.OpenReadAsync(new ObjectPath(S3Bucket, key), CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    public async Task InitializeAsync()
    {
        await S3.InitializeAsync();
        BucketOptions = S3.Options(await S3.CreateBucketAsync());
        _store = new S3ObjectStore(S3Bucket, BucketOptions);
        Server = new RefineryInstance(options => options with
        {
            S3Buckets = new Dictionary<string, S3StoreOptions> { [S3Bucket] = BucketOptions },
            SignedUrlLifetime = LinkLifetime,
            Clock = Clock,
        });
        await Server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        _store?.Dispose();
        await S3.DisposeAsync();
    }
}
