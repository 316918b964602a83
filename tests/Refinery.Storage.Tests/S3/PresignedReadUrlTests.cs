using System.Net;
using Refinery.Storage.S3;
using Refinery.TestSupport;

namespace Refinery.Storage.Tests.S3;

[Collection(S3rverCollection.Name)]
public sealed class PresignedReadUrlTests(S3rverFixture server)
{
    private const string Bucket = "shared";

    [Fact]
    public async Task A_presigned_url_downloads_the_same_bytes_without_credentials()
    {
        using var store = new S3ObjectStore(Bucket, server.Options());
        var path = new ObjectPath(Bucket, $"{Guid.NewGuid():N}/photo.jpg");
        var content = ObjectBytes.Random(70_000, seed: 11);
        await store.WriteAsync(path, new MemoryStream(content), CancellationToken.None);

        var url = store.GetPresignedReadUrl(path, TimeSpan.FromMinutes(5));
        using var http = new HttpClient();

        Assert.StartsWith(server.Endpoint.ToString(), url, StringComparison.Ordinal);
        Assert.Equal(content, await http.GetByteArrayAsync(new Uri(url)));
    }

    [Fact]
    public async Task A_presigned_url_stops_working_after_its_lifetime()
    {
        using var store = new S3ObjectStore(Bucket, server.Options());
        var path = new ObjectPath(Bucket, $"{Guid.NewGuid():N}/photo.jpg");
        await store.WriteAsync(path, new MemoryStream([1, 2, 3]), CancellationToken.None);

        var url = new Uri(store.GetPresignedReadUrl(path, TimeSpan.FromSeconds(2)));
        using var http = new HttpClient();
        using var fresh = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        // The server judges expiry by its own clock: poll until it refuses, bounded so a link that never expires fails.
        Assert.True(await RefusedWithinAsync(http, url, TimeSpan.FromSeconds(60)), "the presigned URL still worked 60 s after its 2 s lifetime");
    }

    private static async Task<bool> RefusedWithinAsync(HttpClient http, Uri url, TimeSpan deadline)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            using var response = await http.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                return true;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return false;
    }
}
