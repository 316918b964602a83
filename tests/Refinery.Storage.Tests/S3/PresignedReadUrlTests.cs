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
        // Signing times have one-second resolution, so wait a full second past the lifetime.
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        using var expired = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }
}
