using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Refinery.Storage.S3;

/// <summary>One Refinery bucket kept in a bucket of an S3-compatible server (AWS, OBS, MinIO, s3rver).</summary>
public sealed class S3ObjectStore : IPresignedReadStore, IDisposable
{
    private readonly string _bucketName;
    private readonly S3StoreOptions _options;
    private readonly AmazonS3Client _client;

    /// <param name="bucketName">The Refinery bucket this store serves; every path given to it must name it.</param>
    /// <param name="options">Where the objects live; validated here.</param>
    public S3ObjectStore(string bucketName, S3StoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucketName);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _bucketName = bucketName;
        _options = options;
        var config = new AmazonS3Config
        {
            ServiceURL = options.Endpoint.ToString(),
            AuthenticationRegion = options.Region,
            ForcePathStyle = true,
            UseHttp = options.Endpoint.Scheme == Uri.UriSchemeHttp,
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = options.MaxRetries,
            Timeout = options.RequestTimeout,
            ConnectTimeout = options.ConnectTimeout,
            // Only the endpoint given here may be used, whatever AWS_ENDPOINT_URL or a profile says.
            IgnoreConfiguredEndpointUrls = true,
            // Flexible checksums are sent as aws-chunked trailers, which S3-compatible servers such as s3rver
            // store verbatim inside the object; send them only where the API demands one.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        _client = new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public async Task<Stream> OpenReadAsync(ObjectPath path, CancellationToken cancellationToken)
    {
        var key = KeyOf(path);
        try
        {
            var response = await _client.GetObjectAsync(
                new GetObjectRequest { BucketName = _options.RemoteBucket, Key = key },
                cancellationToken);
            // Disposing the body stream releases the connection; the caller owns it from here.
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (IsMissingObject(e))
        {
            throw new ObjectNotFoundException(path);
        }
        catch (Exception e) when (IsRequestFailure(e, cancellationToken))
        {
            throw Failure("read", path, e);
        }
    }

    public async Task<ObjectInfo?> StatAsync(ObjectPath path, CancellationToken cancellationToken)
    {
        var key = KeyOf(path);
        try
        {
            var response = await _client.GetObjectMetadataAsync(
                new GetObjectMetadataRequest { BucketName = _options.RemoteBucket, Key = key },
                cancellationToken);
            return new ObjectInfo(path, response.ContentLength);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // A HEAD response has no body, so a missing bucket looks the same as a missing object here.
            return null;
        }
        catch (Exception e) when (IsRequestFailure(e, cancellationToken))
        {
            throw Failure("stat", path, e);
        }
    }

    public async Task WriteAsync(ObjectPath path, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = KeyOf(path);
        var threshold = _options.MultipartThreshold;
        // A seekable stream tells how much to buffer; anything else may be as large as the threshold.
        var headCapacity = content.CanSeek
            ? (int)Math.Clamp(content.Length - content.Position, 0, threshold)
            : threshold;
        var buffer = ArrayPool<byte>.Shared.Rent(headCapacity);
        try
        {
            var headLength = await content.ReadAtLeastAsync(
                buffer.AsMemory(0, headCapacity), headCapacity, throwOnEndOfStream: false, cancellationToken);
            if (headLength < threshold)
            {
                await PutAsync(path, key, buffer, headLength, cancellationToken);
            }
            else
            {
                await UploadInPartsAsync(path, key, content, buffer, headLength, cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(
        ObjectPath prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var order = new DepthFirstListingOrder();
        await foreach (var info in ListInS3OrderAsync(prefix, cancellationToken))
        {
            foreach (var released in order.Accept(info))
            {
                yield return released;
            }
        }

        foreach (var released in order.Finish())
        {
            yield return released;
        }
    }

    public async Task DeleteAsync(ObjectPath path, CancellationToken cancellationToken)
    {
        var key = KeyOf(path);
        try
        {
            // S3 answers 204 for an absent key too, which is what the contract asks for.
            await _client.DeleteObjectAsync(
                new DeleteObjectRequest { BucketName = _options.RemoteBucket, Key = key },
                cancellationToken);
        }
        catch (Exception e) when (IsRequestFailure(e, cancellationToken))
        {
            throw Failure("delete", path, e);
        }
    }

    public async Task DeletePrefixAsync(ObjectPath prefix, CancellationToken cancellationToken)
    {
        var batch = new List<KeyVersion>(S3StoreOptions.MaximumKeysPerRequest);
        // Deleting while listing is safe: each page continues after the last key returned, deleted or not.
        await foreach (var info in ListInS3OrderAsync(prefix, cancellationToken))
        {
            batch.Add(new KeyVersion { Key = info.Path.Key });
            if (batch.Count == S3StoreOptions.MaximumKeysPerRequest)
            {
                await DeleteBatchAsync(prefix, batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await DeleteBatchAsync(prefix, batch, cancellationToken);
        }
    }

    /// <summary>
    /// A URL that lets anyone holding it GET the object for <paramref name="lifetime"/>, without credentials;
    /// plain HTTP when the endpoint is plain HTTP.
    /// </summary>
    public string GetPresignedReadUrl(ObjectPath path, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(7))
        {
            throw new ArgumentOutOfRangeException(
                nameof(lifetime), lifetime, "A presigned URL must live longer than zero and at most 7 days (S3's limit).");
        }

        var request = new GetPreSignedUrlRequest
        {
            BucketName = _options.RemoteBucket,
            Key = KeyOf(path),
            Verb = HttpVerb.GET,
            Protocol = _options.Endpoint.Scheme == Uri.UriSchemeHttp ? Protocol.HTTP : Protocol.HTTPS,
            // The SDK signs with the system clock, so the expiry must be measured on that same clock.
            Expires = TimeProvider.System.GetUtcNow().UtcDateTime + lifetime,
        };
        return _client.GetPreSignedURL(request);
    }

    public void Dispose() => _client.Dispose();

    private async IAsyncEnumerable<ObjectInfo> ListInS3OrderAsync(
        ObjectPath prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var directory = KeyOf(prefix).TrimEnd('/');
        var request = new ListObjectsV2Request
        {
            BucketName = _options.RemoteBucket,
            Prefix = directory.Length == 0 ? null : directory + "/",
            MaxKeys = _options.ListPageSize,
        };
        while (true)
        {
            ListObjectsV2Response response;
            try
            {
                response = await _client.ListObjectsV2Async(request, cancellationToken);
            }
            catch (Exception e) when (IsRequestFailure(e, cancellationToken))
            {
                throw Failure("list", prefix, e);
            }

            foreach (var entry in response.S3Objects ?? [])
            {
                // Keys ending in '/' are folder markers made by consoles and tools, not objects of the dataset.
                if (!entry.Key.EndsWith('/'))
                {
                    yield return new ObjectInfo(new ObjectPath(_bucketName, entry.Key), entry.Size ?? 0);
                }
            }

            if (response.IsTruncated != true || string.IsNullOrEmpty(response.NextContinuationToken))
            {
                yield break;
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
    }

    private async Task DeleteBatchAsync(ObjectPath prefix, List<KeyVersion> batch, CancellationToken cancellationToken)
    {
        DeleteObjectsResponse response;
        try
        {
            response = await _client.DeleteObjectsAsync(
                new DeleteObjectsRequest { BucketName = _options.RemoteBucket, Objects = [.. batch], Quiet = true },
                cancellationToken);
        }
        catch (Exception e) when (IsRequestFailure(e, cancellationToken))
        {
            throw Failure("delete under", prefix, e);
        }

        if (response.DeleteErrors is { Count: > 0 } errors)
        {
            var first = errors[0];
            throw new S3StoreException(
                $"S3 could not delete {errors.Count} object(s) under {prefix.ToUri()} (bucket '{_options.RemoteBucket}' " +
                $"at {_options.Endpoint}); first: key '{first.Key}': {first.Code} {first.Message}");
        }
    }

    private async Task PutAsync(ObjectPath path, string key, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        try
        {
            using var body = new MemoryStream(buffer, 0, length, writable: false);
            await _client.PutObjectAsync(
                new PutObjectRequest
                {
                    BucketName = _options.RemoteBucket,
                    Key = key,
                    InputStream = body,
                    AutoCloseStream = false,
                    UseChunkEncoding = false,
                },
                cancellationToken);
        }
        catch (Exception e) when (IsRequestFailure(e, cancellationToken))
        {
            throw Failure("write", path, e);
        }
    }

    /// <summary>
    /// Uploads with the low-level part requests: TransferUtility sends aws-chunked bodies that some S3-compatible
    /// servers store verbatim, and a failed upload must be aborted so its parts stop costing storage.
    /// </summary>
    private async Task UploadInPartsAsync(
        ObjectPath path, string key, Stream content, byte[] buffer, int buffered, CancellationToken cancellationToken)
    {
        string uploadId;
        try
        {
            var initiated = await _client.InitiateMultipartUploadAsync(
                new InitiateMultipartUploadRequest { BucketName = _options.RemoteBucket, Key = key },
                cancellationToken);
            uploadId = initiated.UploadId;
        }
        catch (Exception e) when (IsRequestFailure(e, cancellationToken))
        {
            throw Failure("start a multipart upload of", path, e);
        }

        try
        {
            var parts = new List<PartETag>();
            long total = 0;
            var partSize = _options.PartSize;
            var offset = 0;
            while (true)
            {
                // Whole parts straight from the buffer, then move the remainder to its front and refill from the stream.
                while (buffered - offset >= partSize)
                {
                    parts.Add(await UploadPartAsync(path, key, uploadId, parts.Count + 1, buffer, offset, partSize, cancellationToken));
                    offset += partSize;
                    total += partSize;
                }

                var remainder = buffered - offset;
                Buffer.BlockCopy(buffer, offset, buffer, 0, remainder);
                offset = 0;
                var read = await content.ReadAtLeastAsync(
                    buffer.AsMemory(remainder, partSize - remainder), partSize - remainder, throwOnEndOfStream: false, cancellationToken);
                buffered = remainder + read;
                if (buffered < partSize)
                {
                    break;
                }
            }

            if (buffered > 0)
            {
                parts.Add(await UploadPartAsync(path, key, uploadId, parts.Count + 1, buffer, 0, buffered, cancellationToken));
                total += buffered;
            }

            await CompleteAsync(path, key, uploadId, parts, cancellationToken);
            await VerifyLengthAsync(path, total, cancellationToken);
        }
        catch (Exception)
        {
            await AbortAsync(key, uploadId);
            throw;
        }
    }

    private async Task<PartETag> UploadPartAsync(
        ObjectPath path, string key, string uploadId, int partNumber, byte[] buffer, int offset, int length,
        CancellationToken cancellationToken)
    {
        try
        {
            using var body = new MemoryStream(buffer, offset, length, writable: false);
            var response = await _client.UploadPartAsync(
                new UploadPartRequest
                {
                    BucketName = _options.RemoteBucket,
                    Key = key,
                    UploadId = uploadId,
                    PartNumber = partNumber,
                    PartSize = length,
                    InputStream = body,
                    UseChunkEncoding = false,
                },
                cancellationToken);
            return new PartETag { PartNumber = partNumber, ETag = response.ETag };
        }
        catch (Exception e) when (IsRequestFailure(e, cancellationToken))
        {
            throw Failure($"upload part {partNumber} of", path, e);
        }
    }

    private async Task CompleteAsync(
        ObjectPath path, string key, string uploadId, List<PartETag> parts, CancellationToken cancellationToken)
    {
        try
        {
            await _client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest
                {
                    BucketName = _options.RemoteBucket,
                    Key = key,
                    UploadId = uploadId,
                    PartETags = parts,
                },
                cancellationToken);
        }
        catch (Exception e) when (IsRequestFailure(e, cancellationToken))
        {
            throw Failure("complete the multipart upload of", path, e);
        }
    }

    // A server that mangles part bodies (as s3rver does with aws-chunked ones) still answers 200; the stored
    // length is the cheapest evidence that the object is the one we sent.
    private async Task VerifyLengthAsync(ObjectPath path, long expected, CancellationToken cancellationToken)
    {
        var stored = await StatAsync(path, cancellationToken);
        if (stored?.Length != expected)
        {
            throw new S3StoreException(
                $"S3 stored {path.ToUri()} (bucket '{_options.RemoteBucket}' at {_options.Endpoint}) with " +
                $"{(stored is null ? "no object" : $"{stored.Length} bytes")} after a multipart upload of {expected} bytes.");
        }
    }

    private async Task AbortAsync(string key, string uploadId)
    {
        try
        {
            // Not the caller's token: a cancelled write must still give its parts back.
            using var timeout = new CancellationTokenSource(_options.RequestTimeout);
            await _client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = _options.RemoteBucket, Key = key, UploadId = uploadId },
                timeout.Token);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException
                                     or OperationCanceledException or IOException)
        {
            // The original failure matters more; an upload left behind is removed by the bucket's lifecycle rules.
        }
    }

    private string KeyOf(ObjectPath path)
    {
        if (!string.Equals(path.Bucket, _bucketName, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"{path.ToUri()} is not in bucket '{_bucketName}', the only one this S3 store serves.", nameof(path));
        }

        return path.Key;
    }

    private static bool IsMissingObject(AmazonS3Exception e) =>
        e.ErrorCode == "NoSuchKey" || (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket");

    // Everything the SDK or the network throws, except the caller's own cancellation, which must stay itself.
    private static bool IsRequestFailure(Exception e, CancellationToken cancellationToken) =>
        e is AmazonServiceException or AmazonClientException or HttpRequestException or SocketException or IOException
            or TimeoutException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private S3StoreException Failure(string operation, ObjectPath path, Exception e)
    {
        var reason = e switch
        {
            AmazonServiceException { ErrorCode: "NoSuchBucket" } =>
                $"bucket '{_options.RemoteBucket}' does not exist",
            AmazonServiceException { StatusCode: HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized } service =>
                $"access denied ({service.ErrorCode}): check the access key, the secret key and the bucket policy",
            AmazonServiceException { StatusCode: not 0 } service =>
                $"{(int)service.StatusCode} {service.ErrorCode}: {service.Message}",
            OperationCanceledException or TimeoutException =>
                $"no answer within {_options.RequestTimeout.TotalSeconds:0.#} s",
            _ => $"the endpoint could not be reached or the connection broke ({Innermost(e).Message})",
        };
        return new S3StoreException(
            $"S3 could not {operation} {path.ToUri()} (bucket '{_options.RemoteBucket}', key '{path.Key}') " +
            $"at {_options.Endpoint}: {reason}.",
            e);
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
