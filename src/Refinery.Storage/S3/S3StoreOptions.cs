namespace Refinery.Storage.S3;

/// <summary>How to reach the S3-compatible bucket behind one Refinery bucket, and how hard to try.</summary>
public sealed record S3StoreOptions(Uri Endpoint, string AccessKey, string SecretKey, string RemoteBucket)
{
    /// <summary>S3 refuses parts smaller than this, except the last one of an upload.</summary>
    public const int MinimumPartSize = 5 * 1024 * 1024;

    /// <summary>S3 refuses more keys than this in one listing page or one batch delete.</summary>
    public const int MaximumKeysPerRequest = 1000;

    /// <summary>Keeps a part buffer an ordinary pooled array.</summary>
    public const int MaximumBufferSize = 1024 * 1024 * 1024;

    public string Region { get; init; } = "us-east-1";

    /// <summary>Objects of at least this many bytes are uploaded in parts; smaller ones in one request.</summary>
    public int MultipartThreshold { get; init; } = 16 * 1024 * 1024;

    public int PartSize { get; init; } = 8 * 1024 * 1024;

    /// <summary>How long one HTTP request may take, including sending a whole part.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long to wait for a TCP connection; short so that an unreachable endpoint fails fast.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Retries of one request after a transient failure (the SDK backs off between them).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Keys asked for per listing request.</summary>
    public int ListPageSize { get; init; } = MaximumKeysPerRequest;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"S3 endpoint '{Endpoint}' must be an absolute http:// or https:// URL.");
        }

        Require(AccessKey.Length > 0, "The S3 access key must not be empty.");
        Require(SecretKey.Length > 0, "The S3 secret key must not be empty.");
        Require(RemoteBucket.Length is >= 3 and <= 63, $"S3 bucket name '{RemoteBucket}' must be 3 to 63 characters long.");
        Require(Region.Length > 0, "The S3 region must not be empty.");
        Require(
            PartSize is >= MinimumPartSize and <= MaximumBufferSize,
            $"S3 part size {PartSize} must lie between {MinimumPartSize} (5 MiB) and {MaximumBufferSize} bytes.");
        Require(
            MultipartThreshold >= PartSize && MultipartThreshold <= MaximumBufferSize,
            $"S3 multipart threshold {MultipartThreshold} must lie between the part size {PartSize} and {MaximumBufferSize} bytes.");
        Require(RequestTimeout > TimeSpan.Zero, $"S3 request timeout {RequestTimeout} must be positive.");
        Require(ConnectTimeout > TimeSpan.Zero, $"S3 connect timeout {ConnectTimeout} must be positive.");
        Require(MaxRetries is >= 0 and <= 10, $"S3 max retries {MaxRetries} must lie between 0 and 10.");
        Require(
            ListPageSize is >= 1 and <= MaximumKeysPerRequest,
            $"S3 list page size {ListPageSize} must lie between 1 and {MaximumKeysPerRequest}.");
    }

    // The secret must never reach logs through the record's generated ToString.
    public override string ToString() =>
        $"S3StoreOptions {{ Endpoint = {Endpoint}, RemoteBucket = {RemoteBucket}, Region = {Region}, AccessKey = {AccessKey} }}";

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
