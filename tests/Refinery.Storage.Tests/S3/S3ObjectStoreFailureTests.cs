using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Refinery.Storage.S3;
using Refinery.TestSupport;

namespace Refinery.Storage.Tests.S3;

[Collection(S3rverCollection.Name)]
public sealed class S3ObjectStoreFailureTests(S3rverFixture server)
{
    private static Uri ClosedLoopbackEndpoint()
    {
        // A port that was just free is, for the second that matters, one nobody listens on.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_within_seconds_with_a_message_naming_it()
    {
        var endpoint = ClosedLoopbackEndpoint();
        using var store = new S3ObjectStore("images", new S3StoreOptions(endpoint, "key", "secret", "remote-images"));
        var elapsed = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<S3StoreException>(
            () => store.StatAsync(new ObjectPath("images", "a/cat.jpg"), CancellationToken.None));

        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(10), $"took {elapsed.Elapsed}");
        Assert.Contains(endpoint.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("remote-images", error.Message, StringComparison.Ordinal);
        Assert.Contains("obs://images/a/cat.jpg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_accepts_but_never_answers_fails_after_the_request_timeout()
    {
        // The kernel completes the handshake for a listening socket even though nobody ever reads or answers.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}");
        using var store = new S3ObjectStore("images", new S3StoreOptions(endpoint, "key", "secret", "remote-images")
        {
            RequestTimeout = TimeSpan.FromSeconds(1),
            MaxRetries = 1,
        });
        var elapsed = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<S3StoreException>(
            () => store.StatAsync(new ObjectPath("images", "a/cat.jpg"), CancellationToken.None));

        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(10), $"took {elapsed.Elapsed}");
        Assert.Contains(endpoint.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_remote_bucket_is_reported_by_name_not_as_a_missing_object()
    {
        using var store = new S3ObjectStore("images", server.Options("no-such-bucket"));

        var error = await Assert.ThrowsAsync<S3StoreException>(
            () => store.OpenReadAsync(new ObjectPath("images", "cat.jpg"), CancellationToken.None));

        Assert.Contains("bucket 'no-such-bucket' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains(server.Endpoint.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_access_key_is_reported_as_access_denied()
    {
        // s3rver checks the access key but not V4 signatures, so a wrong secret key would go unnoticed here.
        using var store = new S3ObjectStore("images", server.Options() with { AccessKey = "NOBODY" });

        var error = await Assert.ThrowsAsync<S3StoreException>(
            () => store.WriteAsync(new ObjectPath("images", "cat.jpg"), new MemoryStream([1]), CancellationToken.None));

        Assert.Contains("access denied (InvalidAccessKeyId)", error.Message, StringComparison.Ordinal);
    }
}
